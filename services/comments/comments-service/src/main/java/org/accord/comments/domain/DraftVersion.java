package org.accord.comments.domain;

import java.util.List;

/** The clauses of one immutable version of a draft, kept so a comment can name only clauses that exist. */
public record DraftVersion(String proposalId, int version, List<DraftClause> clauses) {

    public DraftVersion {
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }

    public static String key(String proposalId, int version) {
        return proposalId + "@" + version;
    }
}
