package org.accord.proposals.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * The clause-by-clause difference between two versions of a draft. Clauses are matched by their
 * number, since that is how comments and ballots refer to them; the changes come in the order of
 * the newer version, with removed clauses where they stood in the older one. Text before the
 * first heading is compared as the preamble.
 */
public record DraftComparison(int from, int to, String fromSha256, String toSha256, List<ClauseChange> changes,
                              int unchanged) {

    public static final String PREAMBLE = "(preamble)";
    private static final int CONTEXT_LINES = 3;

    public DraftComparison {
        changes = List.copyOf(changes);
    }

    public static DraftComparison between(int fromVersion, ParsedDraft older, int toVersion, ParsedDraft newer) {
        Map<String, ClauseText> before = byNumber(older);
        Map<String, ClauseText> after = byNumber(newer);
        List<ClauseChange> changes = new ArrayList<>();
        int unchanged = 0;

        if (!older.preamble().equals(newer.preamble())) {
            changes.add(new ClauseChange(PREAMBLE, ClauseChange.Kind.CHANGED, null, null,
                    diff(PREAMBLE, fromVersion, older.preamble(), toVersion, newer.preamble())));
        }
        List<String> order = mergedOrder(older, newer);
        for (String number : order) {
            ClauseText was = before.get(number);
            ClauseText is = after.get(number);
            if (was == null) {
                changes.add(new ClauseChange(number, ClauseChange.Kind.ADDED, null, is.title(),
                        diff(number, fromVersion, "", toVersion, is.content())));
            } else if (is == null) {
                changes.add(new ClauseChange(number, ClauseChange.Kind.REMOVED, was.title(), null,
                        diff(number, fromVersion, was.content(), toVersion, "")));
            } else if (!was.content().equals(is.content())) {
                changes.add(new ClauseChange(number, ClauseChange.Kind.CHANGED, was.title(), is.title(),
                        diff(number, fromVersion, was.content(), toVersion, is.content())));
            } else {
                unchanged++;
            }
        }
        return new DraftComparison(fromVersion, toVersion, older.sha256(), newer.sha256(), changes, unchanged);
    }

    /** The newer version's clause order, with each removed clause placed after its predecessor in the older one. */
    private static List<String> mergedOrder(ParsedDraft older, ParsedDraft newer) {
        List<String> order = new ArrayList<>(newer.clauseTexts().stream().map(ClauseText::number).toList());
        String previous = null;
        for (ClauseText clause : older.clauseTexts()) {
            if (!order.contains(clause.number())) {
                int at = previous == null ? 0 : order.indexOf(previous) + 1;
                order.add(at, clause.number());
            }
            previous = clause.number();
        }
        return order;
    }

    private static Map<String, ClauseText> byNumber(ParsedDraft draft) {
        Map<String, ClauseText> map = new LinkedHashMap<>();
        draft.clauseTexts().forEach(c -> map.put(c.number(), c));
        return map;
    }

    private static String diff(String clause, int fromVersion, String before, int toVersion, String after) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("v" + fromVersion + "/" + clause,
                "v" + toVersion + "/" + clause, original, patch, CONTEXT_LINES);
        return String.join("\n", unified);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
    }
}
