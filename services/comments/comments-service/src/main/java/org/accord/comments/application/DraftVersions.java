package org.accord.comments.application;

import java.util.List;

import org.accord.comments.domain.DraftClause;
import org.accord.comments.domain.DraftVersion;
import org.accord.messaging.AggregateStore;
import org.accord.messaging.Stored;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The clause list of every draft version the proposals service announced; versions are immutable, so the first copy stays. */
@Service
public class DraftVersions {

    private final AggregateStore<DraftVersion> versions;

    public DraftVersions(AggregateStore<DraftVersion> versions) {
        this.versions = versions;
    }

    public Mono<Void> record(String proposalId, int version, List<DraftClause> clauses) {
        return versions.createIfAbsent(DraftVersion.key(proposalId, version), new DraftVersion(proposalId, version, clauses), List.of())
                .then();
    }

    public Mono<List<DraftClause>> clauses(String proposalId, int version) {
        return versions.find(DraftVersion.key(proposalId, version)).map(Stored::state).map(DraftVersion::clauses)
                .defaultIfEmpty(List.of());
    }
}
