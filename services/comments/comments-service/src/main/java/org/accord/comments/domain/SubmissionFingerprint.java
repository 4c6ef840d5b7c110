package org.accord.comments.domain;

import java.util.List;

/**
 * What a submission asked for, as one hash: the period, single or many, and every comment's
 * fields as sent. A retry with the same {@code Idempotency-Key} must carry the same fingerprint;
 * the same key with other comments is a mistake the caller has to hear about.
 */
public final class SubmissionFingerprint {

    private static final String FIELD = "\u001f";
    private static final String RECORD = "\u001e";

    private SubmissionFingerprint() {
    }

    public static String of(String periodId, SubmissionForm form, List<CommentDraft> drafts) {
        StringBuilder text = new StringBuilder(periodId).append(RECORD).append(form.isSingle() ? "single" : "many");
        for (CommentDraft d : drafts) {
            text.append(RECORD);
            for (Object value : new Object[] {d.memberBody(), d.lineNumber(), d.clause(), d.element(), d.type(), d.comment(),
                    d.proposedChange(), d.version()}) {
                text.append(value == null ? "\u0000" : value.toString().strip()).append(FIELD);
            }
        }
        return SubmissionIds.sha256(text.toString());
    }
}
