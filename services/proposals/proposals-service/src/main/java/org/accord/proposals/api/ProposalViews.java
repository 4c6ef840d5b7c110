package org.accord.proposals.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.actor.Actor;
import org.accord.messaging.Stored;
import org.accord.proposals.domain.ClauseChange;
import org.accord.proposals.domain.Committee;
import org.accord.proposals.domain.CommentPeriod;
import org.accord.proposals.domain.DraftComparison;
import org.accord.proposals.domain.DraftVersion;
import org.accord.proposals.domain.HistoryEntry;
import org.accord.proposals.domain.MemberBody;
import org.accord.proposals.domain.Proposal;
import org.accord.proposals.domain.RequestedBallot;
import org.accord.proposals.events.Clause;
import org.accord.proposals.persistence.StoredDraftText;

/** What the proposals API answers. */
final class ProposalViews {

    private ProposalViews() {
    }

    record ProposalView(String id, int projectNumber, String committeeId, String title, String scope, String kind,
                        String basedOn, String stage, String stageDescription, int latestVersion, List<DraftVersion> versions,
                        List<Clause> clauses, CommentPeriod commentPeriod, RequestedBallot ballot, Integer enquiryDisapprovals,
                        String designation, List<String> allowedActions, String submittedBy, Instant submittedAt,
                        long revision) {

        /** The proposal as {@code actor} sees it: {@code allowedActions} are those this caller may ask for now. */
        static ProposalView of(Stored<Proposal> stored, Actor actor) {
            Proposal p = stored.state();
            return new ProposalView(p.proposalId(), p.projectNumber(), p.committeeId(), p.title(), p.scope(), p.kind().name(),
                    p.basedOn(), p.stage().code(), p.stage().description(), p.latestVersion().number(), p.versions(),
                    p.clauses(), p.commentPeriod(), p.ballot(), p.enquiryDisapprovals(), p.designation(), p.allowedActions(actor),
                    p.submittedBy(), p.submittedAt(), stored.version());
        }
    }

    record ProposalSummary(String id, int projectNumber, String committeeId, String title, String kind, String basedOn,
                           String stage, int latestVersion, Instant submittedAt) {

        static ProposalSummary of(Stored<Proposal> stored) {
            Proposal p = stored.state();
            return new ProposalSummary(p.proposalId(), p.projectNumber(), p.committeeId(), p.title(), p.kind().name(),
                    p.basedOn(), p.stage().code(), p.latestVersion().number(), p.submittedAt());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    record VersionView(String proposalId, int version, String sha256, List<Clause> clauses, String text,
                       String createdBy, Instant createdAt) {

        static VersionView of(StoredDraftText text) {
            return new VersionView(text.proposalId(), text.version(), text.sha256(), text.clauses(), text.text(),
                    text.createdBy(), text.createdAt());
        }
    }

    record DiffView(String proposalId, int from, int to, String fromSha256, String toSha256, int added, int removed,
                    int changed, int unchanged, List<ClauseChange> clauses) {

        static DiffView of(String proposalId, DraftComparison diff) {
            return new DiffView(proposalId, diff.from(), diff.to(), diff.fromSha256(), diff.toSha256(),
                    count(diff, ClauseChange.Kind.ADDED), count(diff, ClauseChange.Kind.REMOVED),
                    count(diff, ClauseChange.Kind.CHANGED), diff.unchanged(), diff.changes());
        }

        private static int count(DraftComparison diff, ClauseChange.Kind kind) {
            return (int) diff.changes().stream().filter(c -> c.change() == kind).count();
        }
    }

    record HistoryView(String proposalId, int projectNumber, String stage, List<HistoryEntry> events) {

        static HistoryView of(Stored<Proposal> stored) {
            Proposal p = stored.state();
            return new HistoryView(p.proposalId(), p.projectNumber(), p.stage().code(), p.history());
        }
    }

    /** A committee; {@code ruleSets} says, per ballot type, which rule sets its procedure allows (the default first). */
    record CommitteeView(String id, String slug, String title, String secretariat, List<String> participating,
                         List<String> observing, long membershipVersion, String lastChange, Instant changedAt,
                         String procedure, Map<String, List<String>> ruleSets) {

        static CommitteeView of(Stored<Committee> stored) {
            Committee c = stored.state();
            return new CommitteeView(c.committeeId(), c.slug(), c.title(), c.secretariat(), c.participating(), c.observing(),
                    c.membershipVersion(), c.lastChange(), c.changedAt(), c.procedure().name(), c.procedure().ruleSetsByBallotType());
        }
    }

    /**
     * A member body of the register: {@code category} member, correspondent or subscriber;
     * {@code status} active, suspended or resigned (with the secretariat's {@code reason}, if it gave one);
     * {@code revision} counts its changes from 1, as its events do.
     */
    record MemberBodyView(String code, String name, String localName, String category, String status, String reason,
                          long revision, String lastChange, String changedBy, Instant changedAt) {

        static MemberBodyView of(Stored<MemberBody> stored) {
            MemberBody body = stored.state();
            return new MemberBodyView(body.code(), body.name(), body.localName(), body.category().value(),
                    body.standing().value(), body.reason(), body.revision(), body.lastChange(), body.changedBy(),
                    body.changedAt());
        }
    }
}
