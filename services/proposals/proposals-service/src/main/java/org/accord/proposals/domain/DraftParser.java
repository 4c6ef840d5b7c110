package org.accord.proposals.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the clause structure of a Markdown draft from its headings, as ISO drafts number them:
 * {@code # 1 Scope}, {@code ## 3.2 evaluation dataset}, {@code # Annex A (normative) ...},
 * {@code ## A.1 ...}, and unnumbered sections (Foreword, Introduction, Bibliography) whose title
 * serves as their number. A CommonMark parser decides what a heading is, so a {@code #} line
 * inside a code block or a quotation is not mistaken for one. A YAML front matter block between
 * {@code ---} lines at the top is metadata, not a clause.
 */
public final class DraftParser {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d+(?:\\.\\d+)*)\\.?(?:\\s+(.*))?$");
    // "Annex A.2 Title" is subclause A.2, not the heading of annex A with the title ".2 Title".
    private static final Pattern ANNEX = Pattern.compile("^(?i:annex)\\s+([A-Z]{1,2})\\b(?!\\.\\d)\\s*(.*)$");
    private static final Pattern ANNEX_SUBCLAUSE = Pattern.compile("^(?:(?i:annex)\\s+)?([A-Z]{1,2}(?:\\.\\d+)+)\\.?(?:\\s+(.*))?$");
    private static final int MAX_NUMBER_LENGTH = 200;

    /** Parsers are immutable and may be shared between threads. */
    private static final Parser MARKDOWN = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    public static final int MAX_TEXT = 2_000_000;

    private DraftParser() {
    }

    public static ParsedDraft parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "the draft text is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "the draft has " + text.length() + " characters; at most " + MAX_TEXT);
        }
        String[] lines = text.split("\r?\n", -1);
        int bodyStart = frontMatterEnd(lines);
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            // Front matter lines become blank so line numbers stay those of the submitted text.
            source.append(i < bodyStart ? "" : lines[i]).append('\n');
        }
        Node document = MARKDOWN.parse(source.toString());

        List<Heading> headings = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && !heading.getSourceSpans().isEmpty()) {
                headings.add(heading);
            }
        }
        if (headings.isEmpty()) {
            throw new InvalidInputException("text",
                    "the draft has no clause headings; number them as in '# 1 Scope' or '## 3.2 Title'");
        }

        List<ClauseText> clauses = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            int first = heading.getSourceSpans().get(0).getLineIndex();
            int last = heading.getSourceSpans().get(heading.getSourceSpans().size() - 1).getLineIndex();
            int end = h + 1 < headings.size() ? headings.get(h + 1).getSourceSpans().get(0).getLineIndex() : lines.length;
            String headingText = normalise(textOf(heading));
            String[] numberAndTitle = numberAndTitle(headingText);
            String number = numberAndTitle[0];
            Integer earlier = seen.putIfAbsent(number, first + 1);
            if (number.isEmpty()) {
                errors.add(FieldError.of("text", "the heading at line " + (first + 1) + " is empty"));
            } else if (number.length() > MAX_NUMBER_LENGTH) {
                errors.add(FieldError.of("text", "the heading at line " + (first + 1) + " is longer than "
                        + MAX_NUMBER_LENGTH + " characters"));
            } else if (earlier != null) {
                errors.add(FieldError.of("text", "clause '" + number + "' appears twice, at lines " + earlier
                        + " and " + (first + 1) + "; comments and ballots refer to clauses by number"));
            }
            String headingLines = String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1));
            String body = trimBlankLines(java.util.Arrays.copyOfRange(lines, last + 1, end));
            clauses.add(new ClauseText(number, numberAndTitle[1], heading.getLevel(), first + 1, headingLines, body));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int firstHeading = headings.get(0).getSourceSpans().get(0).getLineIndex();
        String preamble = trimBlankLines(java.util.Arrays.copyOfRange(lines, 0, firstHeading));
        return new ParsedDraft(text, TextDigest.sha256(text), preamble, clauses);
    }

    /** {number, title}: numbered clauses split at the number; unnumbered ones are their own number. */
    static String[] numberAndTitle(String heading) {
        Matcher annex = ANNEX.matcher(heading);
        if (annex.matches()) {
            return new String[]{"Annex " + annex.group(1), annex.group(2).trim()};
        }
        for (Pattern pattern : List.of(NUMBERED, ANNEX_SUBCLAUSE)) {
            Matcher m = pattern.matcher(heading);
            if (m.matches()) {
                return new String[]{m.group(1), m.group(2) == null ? "" : m.group(2).trim()};
            }
        }
        return new String[]{heading, heading};
    }

    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else {
                text.append(textOf(child));
            }
        }
        return text.toString();
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String trimBlankLines(String[] lines) {
        int from = 0;
        int to = lines.length;
        while (from < to && lines[from].isBlank()) {
            from++;
        }
        while (to > from && lines[to - 1].isBlank()) {
            to--;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
    }
}
