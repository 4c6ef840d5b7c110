package org.accord.publication.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the clause structure of a Markdown text: every ATX heading ({@code #} to {@code ######})
 * outside fenced code starts a clause. A YAML front-matter block at the top is metadata, not a
 * clause; text before the first heading forms a clause numbered {@value #PREAMBLE}.
 */
public final class StandardText {

    public static final String PREAMBLE = "(preamble)";

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern ANNEX = Pattern.compile("^(Annex\\s+[A-Z])\\b\\s*(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^((?:[A-Z]|\\d+)(?:\\.\\d+)+|\\d+)\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private StandardText() {
    }

    public static List<Clause> clauses(String markdown) {
        List<String> lines = markdown.lines().toList();
        int start = frontMatterEnd(lines);
        List<Clause> clauses = new ArrayList<>();
        String number = PREAMBLE;
        String title = "";
        int level = 0;
        List<String> body = new ArrayList<>();
        boolean inFence = false;
        for (String line : lines.subList(start, lines.size())) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
            }
            Matcher heading = inFence ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                addClause(clauses, number, title, level, body);
                String text = heading.group(2).trim();
                String[] numbered = numberAndTitle(text);
                number = numbered[0];
                title = numbered[1];
                level = heading.group(1).length();
                body = new ArrayList<>();
            } else {
                body.add(line);
            }
        }
        addClause(clauses, number, title, level, body);
        return clauses;
    }

    /** The text without its front matter: what a reader sees. */
    public static String withoutFrontMatter(String markdown) {
        List<String> lines = markdown.lines().toList();
        int start = frontMatterEnd(lines);
        return start == 0 ? markdown : String.join("\n", lines.subList(start, lines.size())) + "\n";
    }

    private static void addClause(List<Clause> clauses, String number, String title, int level, List<String> body) {
        List<String> trimmed = trim(body);
        if (PREAMBLE.equals(number) && trimmed.isEmpty()) {
            return;
        }
        clauses.add(new Clause(number, title, level, trimmed));
    }

    /** The clause number a heading gives ({@code 3.1}, {@code Annex A}, or the heading itself). */
    public static String clauseNumber(String heading) {
        return numberAndTitle(heading.trim())[0];
    }

    static String[] numberAndTitle(String heading) {
        Matcher annex = ANNEX.matcher(heading);
        if (annex.matches()) {
            return new String[] {annex.group(1).replaceAll("\\s+", " "), annex.group(2).trim()};
        }
        Matcher numbered = NUMBERED.matcher(heading);
        if (numbered.matches()) {
            return new String[] {numbered.group(1), numbered.group(2).trim()};
        }
        return new String[] {heading, heading};
    }

    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equals("---") || l.equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> trim(List<String> body) {
        int from = 0;
        int to = body.size();
        while (from < to && body.get(from).isBlank()) {
            from++;
        }
        while (to > from && body.get(to - 1).isBlank()) {
            to--;
        }
        return body.subList(from, to);
    }
}
