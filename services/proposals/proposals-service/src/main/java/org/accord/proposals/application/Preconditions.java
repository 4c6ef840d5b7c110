package org.accord.proposals.application;

import java.util.Arrays;

import org.accord.messaging.Stored;
import org.accord.problem.PreconditionFailedException;

/** HTTP {@code If-Match} against the version that guards an aggregate's next write. */
final class Preconditions {

    private Preconditions() {
    }

    /** Passes without a header, with {@code *}, or when one of the listed tags is the current ETag. */
    static void requireMatch(Stored<?> stored, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(stored.etag()));
        if (!matches) {
            throw new PreconditionFailedException(stored.id(), ifMatch, stored.version());
        }
    }
}
