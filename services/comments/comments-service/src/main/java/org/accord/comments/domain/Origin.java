package org.accord.comments.domain;

import org.accord.problem.FieldError;

/**
 * Where a draft comment came from, so an error can point at it: a row of an uploaded file (the
 * row number a spreadsheet shows, header included), an element of a JSON array, or a single comment.
 */
public record Origin(Integer row, Integer index) {

    public static final Origin SINGLE = new Origin(null, null);

    public static Origin row(int row) {
        return new Origin(row, null);
    }

    public static Origin index(int index) {
        return new Origin(null, index);
    }

    public FieldError error(TemplateColumn column, String message) {
        return error(column.field(), column.title(), message);
    }

    public FieldError error(String field, String columnTitle, String message) {
        if (row != null) {
            return FieldError.atCell(row, columnTitle, field, message);
        }
        if (index != null) {
            return FieldError.of("[" + index + "]." + field, message);
        }
        return FieldError.of(field, message);
    }
}
