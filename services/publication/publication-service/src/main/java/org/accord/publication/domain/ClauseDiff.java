package org.accord.publication.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed between two texts, clause by clause: clauses are matched by their number, each is
 * ADDED, REMOVED, CHANGED or UNCHANGED, and a changed clause lists its line changes (title
 * changes included). The order is the newer text's, with a removed clause after the clause that
 * preceded it in the older text.
 */
public final class ClauseDiff {

    public enum Status { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** One changed run of lines; positions are 1-based line numbers within the clause body. */
    public record LineChange(String type, int fromLine, List<String> fromLines, int toLine, List<String> toLines) {
    }

    public record ClauseChange(String number, String fromTitle, String toTitle, Status status, List<LineChange> changes) {
    }

    public record Result(List<ClauseChange> clauses, int added, int removed, int changed, int unchanged) {
    }

    private ClauseDiff() {
    }

    public static Result between(String fromText, String toText) {
        List<Clause> from = StandardText.clauses(fromText);
        List<Clause> to = StandardText.clauses(toText);
        Map<String, Clause> fromByNumber = index(from);
        Map<String, Clause> toByNumber = index(to);
        List<ClauseChange> changes = new ArrayList<>();
        for (Clause clause : to) {
            Clause before = fromByNumber.get(clause.number());
            if (before == null) {
                changes.add(new ClauseChange(clause.number(), null, clause.title(), Status.ADDED, lines(List.of(), clause.body())));
            } else {
                List<LineChange> lineChanges = new ArrayList<>();
                if (!before.title().equals(clause.title())) {
                    lineChanges.add(new LineChange("TITLE", 0, List.of(before.title()), 0, List.of(clause.title())));
                }
                lineChanges.addAll(lines(before.body(), clause.body()));
                changes.add(new ClauseChange(clause.number(), before.title(), clause.title(),
                        lineChanges.isEmpty() ? Status.UNCHANGED : Status.CHANGED, lineChanges));
            }
        }
        insertRemoved(from, toByNumber, changes);
        return new Result(List.copyOf(changes), count(changes, Status.ADDED), count(changes, Status.REMOVED),
                count(changes, Status.CHANGED), count(changes, Status.UNCHANGED));
    }

    private static void insertRemoved(List<Clause> from, Map<String, Clause> toByNumber, List<ClauseChange> changes) {
        String previousKept = null;
        List<ClauseChange> pendingAtStart = new ArrayList<>();
        for (Clause clause : from) {
            if (toByNumber.containsKey(clause.number())) {
                previousKept = clause.number();
                continue;
            }
            ClauseChange removed = new ClauseChange(clause.number(), clause.title(), null, Status.REMOVED,
                    lines(clause.body(), List.of()));
            if (previousKept == null) {
                pendingAtStart.add(removed);
            } else {
                int at = indexOf(changes, previousKept) + 1;
                while (at < changes.size() && changes.get(at).status() == Status.REMOVED) {
                    at++;
                }
                changes.add(at, removed);
            }
        }
        changes.addAll(0, pendingAtStart);
    }

    private static int indexOf(List<ClauseChange> changes, String number) {
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).number().equals(number) && changes.get(i).status() != Status.REMOVED) {
                return i;
            }
        }
        return changes.size() - 1;
    }

    private static List<LineChange> lines(List<String> before, List<String> after) {
        Patch<String> patch = DiffUtils.diff(before, after);
        List<LineChange> result = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            result.add(new LineChange(delta.getType().name(), delta.getSource().getPosition() + 1,
                    List.copyOf(delta.getSource().getLines()), delta.getTarget().getPosition() + 1,
                    List.copyOf(delta.getTarget().getLines())));
        }
        return result;
    }

    private static Map<String, Clause> index(List<Clause> clauses) {
        Map<String, Clause> byNumber = new LinkedHashMap<>();
        clauses.forEach(c -> byNumber.putIfAbsent(c.number(), c));
        return byNumber;
    }

    private static int count(List<ClauseChange> changes, Status status) {
        return (int) changes.stream().filter(c -> c.status() == status).count();
    }
}
