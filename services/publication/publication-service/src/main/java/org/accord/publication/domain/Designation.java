package org.accord.publication.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name under which a standard is published: {@code ACC 42:2027} for an edition (project
 * number, year of publication), {@code ACC 42:2027/Amd 1:2028} and {@code ACC 42:2027/Cor 1:2028}
 * for the n-th amendment or corrigendum of that edition.
 * <p>
 * Designations contain spaces, colons and slashes, so URLs carry them as a slug in which each of
 * those becomes a hyphen ({@code ACC-42-2027-Amd-1-2028}); {@link #parse} reads both forms.
 */
public record Designation(int project, int year, PublicationKind supplementKind, int supplementNumber, int supplementYear) {

    public static final String PREFIX = "ACC";

    private static final Pattern FORM = Pattern.compile(
            "ACC[ -](\\d{1,9})[:-](\\d{4})(?:[/-](Amd|Cor)[ -](\\d{1,4})[:-](\\d{4}))?", Pattern.CASE_INSENSITIVE);

    public Designation {
        if (project < 1) {
            throw new IllegalArgumentException("A project number is positive, not " + project);
        }
        if (supplementKind != null && supplementKind.isEdition()) {
            throw new IllegalArgumentException(supplementKind + " is an edition, not a supplement");
        }
    }

    public static Designation edition(int project, int year) {
        return new Designation(project, year, null, 0, 0);
    }

    public Designation supplement(PublicationKind kind, int number, int year) {
        return new Designation(project, this.year, kind, number, year);
    }

    /** The edition a supplement belongs to; an edition's base is itself. */
    public Designation base() {
        return isSupplement() ? edition(project, year) : this;
    }

    public boolean isSupplement() {
        return supplementKind != null;
    }

    /** Reads {@code ACC 42:2027[/Amd 1:2028]} or its slug {@code ACC-42-2027[-Amd-1-2028]}. */
    public static Optional<Designation> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Designation edition = edition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return Optional.of(edition);
            }
            PublicationKind kind = PublicationKind.fromAbbreviation(m.group(3)).orElseThrow();
            return Optional.of(edition.supplement(kind, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The form for URLs: spaces, colons and slashes become hyphens. */
    public String slug() {
        String base = PREFIX + "-" + project + "-" + year;
        return isSupplement() ? base + "-" + supplementKind.abbreviation() + "-" + supplementNumber + "-" + supplementYear : base;
    }

    @Override
    public String toString() {
        String base = PREFIX + " " + project + ":" + year;
        return isSupplement() ? base + "/" + supplementKind.abbreviation() + " " + supplementNumber + ":" + supplementYear : base;
    }
}
