package org.accord.comments.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The template's "type of comment": general, technical or editorial, written {@code ge}, {@code te}, {@code ed}. */
public enum CommentType {
    GE("ge"), TE("te"), ED("ed");

    private final String code;

    CommentType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Reads the template's code, in any letter case (spreadsheets often capitalise it). */
    public static Optional<CommentType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String code = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
