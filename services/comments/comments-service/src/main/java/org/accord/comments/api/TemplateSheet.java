package org.accord.comments.api;

import java.util.ArrayList;
import java.util.List;

import org.accord.comments.domain.CommentDraft;
import org.accord.comments.domain.FiledComment;
import org.accord.comments.domain.Origin;
import org.accord.comments.domain.TemplateColumn;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;

/**
 * The commenting template as a table, whatever file it came in: finds the header row (the
 * official template has a few lines of document details above it), checks the columns are in
 * the template's order, and reads each non-blank row below it as a draft comment that remembers
 * its row number. The observations column is the secretariat's and is not read from uploads.
 */
final class TemplateSheet {

    /** One row of a file: the row number a spreadsheet shows (1-based, header included) and its cells. */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** How far down a header may be, below the template's document details. */
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final int READ_COLUMNS = TemplateColumn.PROPOSED_CHANGE.ordinal() + 1;

    private TemplateSheet() {
    }

    static List<CommentDraft> drafts(List<Row> rows) {
        int first = headerIndex(rows);
        if (first >= 0) {
            checkHeader(rows.get(first));
        }
        List<CommentDraft> drafts = new ArrayList<>();
        for (Row row : rows.subList(first + 1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            drafts.add(new CommentDraft(Origin.row(row.number()), row.cell(0), row.cell(1), row.cell(2), row.cell(3), row.cell(4),
                    row.cell(5), row.cell(6), null));
        }
        if (drafts.isEmpty()) {
            throw new InvalidInputException("file", "holds no comments" + (first >= 0 ? " below the header row" : "")
                    + "; the template's columns are " + TemplateColumn.titles());
        }
        return drafts;
    }

    /** The template's cells of one compiled comment, observations column filled. */
    static List<String> cells(FiledComment filed) {
        var f = filed.comment().fields();
        return List.of(f.memberBody(), f.lineNumber() == null ? "" : f.lineNumber().toString(), f.clause(),
                nullToEmpty(f.element()), f.type().code(), f.comment(), nullToEmpty(f.proposedChange()),
                filed.secretariatObservations());
    }

    private static int headerIndex(List<Row> rows) {
        int seen = 0;
        for (int i = 0; i < rows.size() && seen < HEADER_SEARCH_ROWS; i++) {
            if (rows.get(i).isBlank()) {
                continue;
            }
            seen++;
            if (TemplateColumn.MEMBER_BODY.isTitledBy(rows.get(i).cell(0))) {
                return i;
            }
        }
        return -1;
    }

    private static void checkHeader(Row header) {
        List<FieldError> errors = new ArrayList<>();
        TemplateColumn[] columns = TemplateColumn.values();
        for (int i = 0; i < READ_COLUMNS; i++) {
            if (!columns[i].isTitledBy(header.cell(i))) {
                errors.add(FieldError.atCell(header.number(), columns[i].title(), columns[i].field(),
                        "column " + (i + 1) + " of the header is '" + header.cell(i) + "', the template has '" + columns[i].title()
                                + "' there; keep the template's column order " + TemplateColumn.titles()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
