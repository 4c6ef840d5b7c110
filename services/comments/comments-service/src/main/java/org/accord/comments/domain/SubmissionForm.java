package org.accord.comments.domain;

/** How a national body sent its comments: one JSON comment, a JSON array, or the template as CSV or Excel. */
public enum SubmissionForm {
    SINGLE, BATCH, CSV, XLSX;

    public boolean isSingle() {
        return this == SINGLE;
    }
}
