package org.accord.proposals.persistence;

import java.time.Instant;
import java.util.List;

import org.accord.proposals.events.Clause;

/**
 * The text of one version, in its own document so the proposal document stays small. The id is
 * {@code <proposalId>:<version>:<sha256>}: two editors racing for the same version number write two
 * documents, and only the one the winning proposal update refers to (by number and SHA-256) is
 * ever read; the loser's is an unreferenced orphan.
 */
public record StoredDraftText(String id, String proposalId, int version, String sha256, String text, List<Clause> clauses,
                              String createdBy, Instant createdAt) {

    public static String idOf(String proposalId, int version, String sha256) {
        return proposalId + ":" + version + ":" + sha256;
    }
}
