package org.accord.publication.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an approved text does to a standard: a first edition (NEW), a new edition that cancels
 * and replaces the current one (REVISION), or a supplement to an edition (AMENDMENT, CORRIGENDUM).
 */
public enum PublicationKind {
    NEW(null),
    REVISION(null),
    AMENDMENT("Amd"),
    CORRIGENDUM("Cor");

    private final String abbreviation;

    PublicationKind(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /** {@code Amd} or {@code Cor} as designations write it; null for editions. */
    public String abbreviation() {
        return abbreviation;
    }

    public boolean isEdition() {
        return abbreviation == null;
    }

    public static Optional<PublicationKind> from(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }

    static Optional<PublicationKind> fromAbbreviation(String value) {
        return Arrays.stream(values()).filter(k -> k.abbreviation != null && k.abbreviation.equalsIgnoreCase(value)).findFirst();
    }
}
