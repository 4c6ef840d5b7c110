package org.accord.comments.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the ISO/IEC commenting template, in its order, with the titles a national body
 * sees in the file and the field names of the API. Upload errors name both.
 */
public enum TemplateColumn {
    MEMBER_BODY("MB/NC", "memberBody"),
    LINE_NUMBER("Line number", "lineNumber"),
    CLAUSE("Clause/ Subclause", "clause"),
    ELEMENT("Paragraph/ Figure/ Table", "element"),
    TYPE("Type of comment", "type"),
    COMMENT("Comments", "comment"),
    PROPOSED_CHANGE("Proposed change", "proposedChange"),
    OBSERVATIONS("Observations of the secretariat", "observations");

    private final String title;
    private final String field;

    TemplateColumn(String title, String field) {
        this.title = title;
        this.field = field;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public static List<String> titles() {
        return Arrays.stream(values()).map(TemplateColumn::title).toList();
    }

    /**
     * Whether a header cell is this column's title, ignoring case and spacing ("Clause/Subclause")
     * and what the official template appends to it ("MB/NC1", "Line number (e.g. 17)").
     */
    public boolean isTitledBy(String cell) {
        return cell != null && squeeze(cell).startsWith(squeeze(title));
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
