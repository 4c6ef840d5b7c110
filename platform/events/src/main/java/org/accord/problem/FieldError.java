package org.accord.problem;

/**
 * One offending field. For uploads, {@code row} and {@code column} locate the cell (1-based
 * row of the file including its header, the template's column title); otherwise they are null.
 */
public record FieldError(String field, String message, Integer row, String column) {

    public static FieldError of(String field, String message) {
        return new FieldError(field, message, null, null);
    }

    public static FieldError atCell(int row, String column, String field, String message) {
        return new FieldError(field, message, row, column);
    }
}
