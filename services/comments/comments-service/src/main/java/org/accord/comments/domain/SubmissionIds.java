package org.accord.comments.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.problem.InvalidInputException;

/**
 * Ids of submissions and of the comments in them. A submission sent with an
 * {@code Idempotency-Key} gets an id derived from the comment period, the member body and the
 * key, so a retry finds the first one instead of storing the comments twice, and the same key
 * used again in another period is a new submission there. A comment's id is its
 * submission's id and its position ({@code cs-...-3}), so it leads straight to its document.
 */
public final class SubmissionIds {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern COMMENT_ID = Pattern.compile("(cs-[0-9a-f]{24})-([1-9][0-9]{0,5})");

    private SubmissionIds() {
    }

    public static String forKey(String periodId, String memberBody, String idempotencyKey) {
        return "cs-" + sha256(periodId + "\u0000" + memberBody + "\u0000" + idempotencyKey).substring(0, 24);
    }

    public static String fresh() {
        return "cs-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /**
     * An {@code Idempotency-Key} as the caller sent it, or null without one; it must be 1 to 200
     * visible ASCII characters (a UUID fits).
     */
    public static String requireValidKey(String key) {
        if (key == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        return key;
    }

    public static String commentId(String submissionId, int position) {
        return submissionId + "-" + position;
    }

    /** The submission a comment id belongs to; empty for anything that is not a comment id. */
    public static Optional<String> submissionOf(String commentId) {
        Matcher m = commentId == null ? null : COMMENT_ID.matcher(commentId);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
