package org.accord.comments.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clause references in the order a reader of the document meets them, not the order of their
 * characters: general remarks and the front matter (Foreword, Introduction) first, then the
 * numbered clauses numerically by each level ({@code 2} before {@code 10}, {@code 3.2} before
 * {@code 3.10}, a clause before its subclauses), then the annexes by letter with each annex
 * heading before its subclauses ({@code Annex A}, {@code A.1}, {@code A.1.2}, {@code Annex B}),
 * then the bibliography, then anything unrecognised, alphabetically.
 */
public final class ClauseOrder implements Comparator<String> {

    public static final ClauseOrder INSTANCE = new ClauseOrder();

    private static final Pattern NUMBERED = Pattern.compile("(\\d+(?:\\.\\d+)*)(.*)");
    private static final Pattern ANNEX_HEADING = Pattern.compile("annex\\s+([a-z]{1,2})(?![a-z])(.*)");
    private static final Pattern BARE_ANNEX = Pattern.compile("[a-z]{1,2}");
    private static final Pattern ANNEX_CLAUSE = Pattern.compile("([a-z]{1,2})\\.(\\d+(?:\\.\\d+)*)(.*)");
    private static final Pattern PREFIX = Pattern.compile("^(?:clause|subclause|section|§)\\s*", Pattern.CASE_INSENSITIVE);
    /** "Annex A.2" is subclause A.2, not the heading of annex A: the word goes, the number stays. */
    private static final Pattern ANNEX_SUBCLAUSE_PREFIX = Pattern.compile("^annex\\s+(?=[a-z]{1,2}\\.\\d)", Pattern.CASE_INSENSITIVE);

    private static final int WHOLE_DOCUMENT = 0;
    private static final int FRONT_MATTER = 1;
    private static final int NUMBERED_CLAUSES = 2;
    private static final int ANNEXES = 3;
    private static final int BIBLIOGRAPHY = 4;
    private static final int OTHER = 5;

    private ClauseOrder() {
    }

    /**
     * The form two references to the same clause share: trimmed, single-spaced, without a
     * trailing full stop or a "Clause" prefix, in lower case ({@code "Clause 5.2."} is {@code "5.2"});
     * an annex subclause without the word "Annex" ({@code "Annex A.2"} is {@code "a.2"}).
     */
    public static String canonical(String reference) {
        if (reference == null) {
            return "";
        }
        String text = reference.strip().replaceAll("\\s+", " ");
        text = PREFIX.matcher(text).replaceFirst("");
        text = ANNEX_SUBCLAUSE_PREFIX.matcher(text).replaceFirst("");
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compare(String a, String b) {
        Key ka = key(a);
        Key kb = key(b);
        int c = Integer.compare(ka.group, kb.group);
        if (c == 0) {
            c = Integer.compare(ka.rank, kb.rank);
        }
        if (c == 0) {
            c = compareLetters(ka.annex, kb.annex);
        }
        if (c == 0) {
            c = compareNumbers(ka.numbers, kb.numbers);
        }
        if (c == 0) {
            c = ka.rest.compareTo(kb.rest);
        }
        // Different spellings of one clause ("5.2" and "Clause 5.2.") still need a stable order.
        return c != 0 ? c : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private record Key(int group, int rank, String annex, List<String> numbers, String rest) {
    }

    private static Key key(String reference) {
        String text = canonical(reference);
        switch (text) {
            case "", "general", "title", "whole document" -> {
                return new Key(WHOLE_DOCUMENT, 0, "", List.of(), text);
            }
            case "bibliography" -> {
                return new Key(BIBLIOGRAPHY, 0, "", List.of(), "");
            }
            default -> {
                // fall through to the patterns
            }
        }
        if (text.startsWith("foreword")) {
            return new Key(FRONT_MATTER, 0, "", List.of(), text);
        }
        if (text.startsWith("introduction")) {
            return new Key(FRONT_MATTER, 1, "", List.of(), text);
        }
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.matches()) {
            return new Key(NUMBERED_CLAUSES, 0, "", levels(numbered.group(1)), numbered.group(2).strip());
        }
        Matcher heading = ANNEX_HEADING.matcher(text);
        if (heading.matches()) {
            // "Annex A (normative) JSON schema" is the heading of annex A: its title does not order it.
            return new Key(ANNEXES, 0, heading.group(1), List.of(), "");
        }
        if (BARE_ANNEX.matcher(text).matches()) {
            // "B", as in "A.10 < B": the annex by its letter alone.
            return new Key(ANNEXES, 0, text, List.of(), "");
        }
        Matcher annexClause = ANNEX_CLAUSE.matcher(text);
        if (annexClause.matches()) {
            return new Key(ANNEXES, 0, annexClause.group(1), levels(annexClause.group(2)), annexClause.group(3).strip());
        }
        return new Key(OTHER, 0, "", List.of(), text);
    }

    private static List<String> levels(String dotted) {
        List<String> levels = new ArrayList<>();
        for (String level : dotted.split("\\.")) {
            String digits = level.replaceFirst("^0+(?=\\d)", "");
            levels.add(digits);
        }
        return levels;
    }

    /** Level by level, as numbers of any length; a clause comes before its own subclauses. */
    private static int compareNumbers(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Annex letters run A..Z, then AA, AB...: shorter first, then alphabetically. */
    private static int compareLetters(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
