package org.accord.problem;

/**
 * Someone else changed the thing since the caller read it (optimistic locking, or an
 * {@code If-Match} that no longer matches): 409. Read it again and retry.
 */
public class VersionConflictException extends ConflictException {
    public VersionConflictException(String what, String id, long expectedVersion) {
        super("Version conflict", what + " '" + id + "' was changed by someone else (expected version "
                + expectedVersion + "); read it again and retry");
        with("id", id);
        with("expectedVersion", expectedVersion);
    }
}
