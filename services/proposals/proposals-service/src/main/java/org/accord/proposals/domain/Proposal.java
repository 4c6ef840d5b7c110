package org.accord.proposals.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.actor.Role;
import org.accord.problem.ConflictException;
import org.accord.problem.FieldError;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.Clause;
import org.accord.proposals.events.DraftRevised;
import org.accord.proposals.events.ProposalSubmitted;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.proposals.events.PublicationApproved;
import org.accord.proposals.events.ReviewCloseRequested;
import org.accord.proposals.events.ReviewOpened;
import org.accord.proposals.events.StageChanged;

/**
 * A draft standard on its way through the stages: its project number, committee, immutable
 * versions, the comment period or ballot it waits for, and its audit trail. Every method asks the
 * {@link StageMachine} whether the step is allowed from the current stage, and returns the new
 * state with the events the step causes; anything the rules do not allow is a 409 that names the
 * current stage and the actions that are allowed.
 *
 * <p>
 * Only a balloted text becomes a standard: a ballot is on one version (number and SHA-256), an
 * approving enquiry or approval ballot records that version in {@code approved}, and publication
 * is approved for that version's text alone. A revision after the enquiry approved a version is a
 * new text nobody has voted on: it may only go on to a final (FDIS) ballot on the new version;
 * skipping the final ballot then is refused (409 with the stage and the allowed actions).
 *
 * @param enquiryDisapprovals disapprovals in the last closed DIS ballot, null before one closed
 * @param revisedSinceReferral whether a new version was stored since the last ballot referred the draft back
 * @param approved the version the last approving DIS or FDIS ballot was on, null before one approved
 */
public record Proposal(String proposalId, int projectNumber, String committeeId, String title, String scope,
                       ProposalKind kind, String basedOn, Stage stage, List<DraftVersion> versions, List<Clause> clauses,
                       CommentPeriod commentPeriod, RequestedBallot ballot, Integer enquiryDisapprovals,
                       boolean revisedSinceReferral, String designation, List<HistoryEntry> history,
                       String submittedBy, Instant submittedAt, ApprovedVersion approved) {

    public static final int MAX_TITLE = 500;
    public static final int MAX_SCOPE = 5_000;
    public static final int MAX_NOTE = 2_000;
    /** How far ahead a deadline may be, unless the service is configured otherwise. */
    public static final Period DEFAULT_DEADLINE_HORIZON = Period.ofYears(2);

    public Proposal {
        versions = List.copyOf(versions);
        clauses = List.copyOf(clauses);
        history = List.copyOf(history);
    }

    // ---------------------------------------------------------------- submission

    /**
     * Checks everything a submission can be refused for before a project number is spent on it:
     * the role, the fields, and the draft's clause structure, which it returns.
     */
    public static ParsedDraft prepare(Submission submission, String text, Actor actor) {
        actor.require(Role.EDITOR);
        validate(submission);
        return DraftParser.parse(text);
    }

    /** Registers a new project at 10.00 with its first version (the draft from {@link #prepare}). */
    public static Change<Proposal> submit(String proposalId, int projectNumber, Submission submission, ParsedDraft draft,
                                          Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        validate(submission);
        DraftVersion first = new DraftVersion(1, draft.sha256(), draft.clauseTexts().size(), null, actor.name(), now);
        Proposal registered = new Proposal(proposalId, projectNumber, submission.committeeId(), submission.title().strip(),
                submission.scope().strip(), submission.kind(), submission.basedOn(), Stage.REGISTERED, List.of(first),
                draft.clauses(), null, null, null, false, null, List.of(), actor.name(), now, null);
        Events events = new Events(registered);
        events.add(new ProposalSubmitted(proposalId, projectNumber, submission.committeeId(), registered.title(),
                        registered.scope(), submission.kind().name(), submission.basedOn(), 1, draft.sha256(), draft.clauses(),
                        Stage.REGISTERED.code(), actor.name(), now), actor.name(), now,
                "Submitted as project " + projectNumber + " (" + submission.kind() + ") with version 1 of "
                        + draft.clauseTexts().size() + " clauses", Stage.REGISTERED);
        return events.done(registered);
    }

    /** The rules a submission must meet before a project number is spent on it. */
    public static void validate(Submission submission) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(submission.committeeId())) {
            errors.add(FieldError.of("committee", "a committee is required"));
        }
        if (blank(submission.title())) {
            errors.add(FieldError.of("title", "a title is required"));
        } else if (submission.title().length() > MAX_TITLE) {
            errors.add(FieldError.of("title", "at most " + MAX_TITLE + " characters"));
        }
        if (blank(submission.scope())) {
            errors.add(FieldError.of("scope", "a scope is required"));
        } else if (submission.scope().length() > MAX_SCOPE) {
            errors.add(FieldError.of("scope", "at most " + MAX_SCOPE + " characters"));
        }
        if (submission.kind() == null) {
            errors.add(FieldError.of("kind", "one of " + List.of(ProposalKind.values())));
        } else if (submission.kind().changesAPublishedStandard() && blank(submission.basedOn())) {
            errors.add(FieldError.of("basedOn", "a " + submission.kind() + " names the published designation it changes"));
        } else if (!submission.kind().changesAPublishedStandard() && !blank(submission.basedOn())) {
            errors.add(FieldError.of("basedOn", "a NEW proposal is not based on a published standard; use kind "
                    + "REVISION, AMENDMENT or CORRIGENDUM"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    // ---------------------------------------------------------------- actions

    /** Stores a new immutable version; the stage does not change. */
    public Change<Proposal> reviseDraft(String text, String note, Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        StageMachine.Transition rule = require(Step.REVISE_DRAFT, actor);
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "at most " + MAX_NOTE + " characters");
        }
        ParsedDraft draft = DraftParser.parse(text);
        DraftVersion latest = latestVersion();
        if (latest.sha256().equals(draft.sha256())) {
            throw new InvalidInputException("text", "the text is identical to version " + latest.number()
                    + "; a new version needs a changed text");
        }
        int number = latest.number() + 1;
        DraftVersion version = new DraftVersion(number, draft.sha256(), draft.clauseTexts().size(), note, actor.name(), now);
        List<DraftVersion> versions = new ArrayList<>(this.versions);
        versions.add(version);
        Proposal next = new Builder(this).versions(versions).clauses(draft.clauses())
                .revisedSinceReferral(revisedSinceReferral || isReferredBack(rule.from())).build();
        Events events = new Events(next);
        events.add(new DraftRevised(proposalId, number, draft.sha256(), draft.clauses(), note, actor.name(), now),
                actor.name(), now, "Version " + number + " stored (" + draft.clauseTexts().size() + " clauses)"
                        + (note == null || note.isBlank() ? "" : ": " + note), stage);
        return events.done(next);
    }

    /** Opens a committee consultation on the latest version: 30.20 until the comments service closes it. */
    public Change<Proposal> openCommentPeriod(String periodId, Instant deadline, Actor actor, Instant now) {
        return openCommentPeriod(periodId, deadline, DEFAULT_DEADLINE_HORIZON, actor, now);
    }

    /** As above, with a deadline at most {@code horizon} ahead. */
    public Change<Proposal> openCommentPeriod(String periodId, Instant deadline, Period horizon, Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        StageMachine.Transition rule = require(Step.OPEN_COMMENT_PERIOD, actor);
        requireDeadline("deadline", deadline, horizon, now);
        int version = latestVersion().number();
        Proposal next = new Builder(this).stage(rule.to())
                .commentPeriod(new CommentPeriod(periodId, version, deadline, now, false)).build();
        Events events = new Events(next);
        events.add(new ReviewOpened(proposalId, periodId, committeeId, version, clauses, deadline, actor.name(), now),
                actor.name(), now, "Comment period " + periodId + " opened on version " + version + " until " + deadline,
                rule.to());
        events.stages(rule, "Comment period " + periodId + " opened", actor.name(), now);
        return events.done(next);
    }

    /** Asks the comments service to close the period before its deadline; the stage moves when it has. */
    public Change<Proposal> closeCommentPeriod(String periodId, Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        require(Step.CLOSE_COMMENT_PERIOD, actor);
        if (!commentPeriod.periodId().equals(periodId)) {
            throw new NotFoundException("Open comment period", periodId);
        }
        Proposal next = new Builder(this).commentPeriod(new CommentPeriod(commentPeriod.periodId(), commentPeriod.version(),
                commentPeriod.deadline(), commentPeriod.openedAt(), true)).build();
        Events events = new Events(next);
        events.add(new ReviewCloseRequested(proposalId, periodId, actor.name(), now), actor.name(), now,
                "Early close of comment period " + periodId + " requested", stage);
        return events.done(next);
    }

    /** Asks for a ballot in a committee following the ISO procedure; see the full form. */
    public Change<Proposal> requestBallot(String ballotId, BallotType type, RuleSet ruleSet, Instant deadline,
                                          boolean earlyCloseAllowed, Electorate electorate, Actor actor, Instant now) {
        return requestBallot(ballotId, type, ruleSet, deadline, earlyCloseAllowed, electorate, Procedure.ISO,
                DEFAULT_DEADLINE_HORIZON, actor, now);
    }

    /**
     * Asks the voting service for a ballot on the latest version (its number and SHA-256), with the
     * committee's membership as electorate, counted under a rule set the committee's procedure
     * allows for the ballot type (its default when none is named; any other is a 422 naming
     * {@code ruleSet}), until a deadline at most {@code horizon} ahead.
     */
    public Change<Proposal> requestBallot(String ballotId, BallotType type, RuleSet ruleSet, Instant deadline,
                                          boolean earlyCloseAllowed, Electorate electorate, Procedure procedure,
                                          Period horizon, Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        StageMachine.Transition rule = require(Step.requestBallot(type), actor);
        requireDeadline("deadline", deadline, horizon, now);
        if (electorate.participating().isEmpty()) {
            throw new ConflictException("No electorate", "Committee " + committeeId + " has no P-members to vote")
                    .with("currentStage", stage.code());
        }
        RuleSet rules = ruleSet == null ? procedure.defaultRuleSet(type) : ruleSet;
        if (!procedure.allows(type, rules)) {
            throw new InvalidInputException("ruleSet", "committee " + committeeId + " follows the " + procedure
                    + " procedure, which counts " + type + " ballots under " + procedure.ruleSetsFor(type) + ", not " + rules);
        }
        DraftVersion version = latestVersion();
        Proposal next = new Builder(this).stage(rule.to()).revisedSinceReferral(false)
                .ballot(new RequestedBallot(ballotId, type, rules, version.number(), deadline, earlyCloseAllowed, now,
                        version.sha256())).build();
        Events events = new Events(next);
        events.add(new BallotRequested(proposalId, ballotId, committeeId, type.name(), rules.name(), version.number(), clauses,
                        electorate.participating(), electorate.observing(), type.observersMayVote(), earlyCloseAllowed,
                        deadline, actor.name(), now, version.sha256()), actor.name(), now,
                type + " ballot " + ballotId + " requested on version " + version.number() + " (SHA-256 " + version.sha256()
                        + ") under " + rules + " until " + deadline, rule.to());
        events.stages(rule, type + " ballot " + ballotId + " requested", actor.name(), now);
        return events.done(next);
    }

    /**
     * After an enquiry without a single disapproval, goes straight to publication (40.99 -> 60.00)
     * with the version the enquiry approved, whose text is {@code approvedText}. Refused once a
     * later version was stored: that one needs its own (final) ballot.
     */
    public Change<Proposal> skipFinalBallot(String approvedText, Actor actor, Instant now) {
        actor.require(Role.EDITOR);
        StageMachine.Transition rule = require(Step.SKIP_FINAL_BALLOT, actor);
        Proposal next = new Builder(this).stage(rule.to()).build();
        Events events = new Events(next);
        events.stages(rule, "Final ballot skipped: the enquiry had no disapproval", actor.name(), now);
        events.add(publicationApproved(approved, approvedText, now), actor.name(), now,
                "Version " + approved.version() + " (approved by " + approved.ballotType() + " ballot " + approved.ballotId()
                        + ") approved for publication", rule.to());
        return events.done(next);
    }

    /** Abandons the project (substage 98 of its phase); its number is never given to another project. */
    public Change<Proposal> withdraw(String reason, Actor actor, Instant now) {
        actor.require(Role.SECRETARIAT);
        StageMachine.Transition rule = require(Step.WITHDRAW, actor);
        if (reason != null && reason.length() > MAX_NOTE) {
            throw new InvalidInputException("reason", "at most " + MAX_NOTE + " characters");
        }
        Proposal next = new Builder(this).stage(rule.to()).commentPeriod(null).ballot(null).build();
        Events events = new Events(next);
        events.add(new ProposalWithdrawn(proposalId, stage.code(), reason, actor.name(), now), actor.name(), now,
                "Withdrawn" + (reason == null || reason.isBlank() ? "" : ": " + reason), rule.to());
        if (commentPeriod != null && !commentPeriod.closeRequested()) {
            // Nobody should go on commenting on an abandoned draft. The comments and voting services also end every
            // period and ballot of the project on ProposalWithdrawn itself (outcome WITHDRAWN), enquiries included.
            events.add(new ReviewCloseRequested(proposalId, commentPeriod.periodId(), actor.name(), now), actor.name(), now,
                    "Early close of comment period " + commentPeriod.periodId() + " requested on withdrawal", rule.to());
        }
        events.stages(rule, "Withdrawn by the secretariat", actor.name(), now);
        return events.done(next);
    }

    // ---------------------------------------------------------------- reactions to other services

    /**
     * The committee comment period closed (30.20 -> 30.60). Enquiry periods, periods this proposal
     * no longer waits for, and a repeated delivery change nothing.
     */
    public Optional<Change<Proposal>> commentPeriodClosed(String periodId, String reason, int comments, String by,
                                                          Instant now) {
        if (commentPeriod == null || !commentPeriod.periodId().equals(periodId)) {
            return Optional.empty();
        }
        Optional<StageMachine.Transition> rule = StageMachine.find(stage, Step.COMMENT_PERIOD_CLOSED);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Proposal next = new Builder(this).stage(rule.get().to()).commentPeriod(null).build();
        Events events = new Events(next);
        events.stages(rule.get(), "Comment period " + periodId + " closed (" + reason + ", " + comments + " comments)",
                by, now);
        return Optional.of(events.done(next));
    }

    /**
     * The ballot this proposal waits for closed: approved moves on (a final approval on to
     * publication, with the text of the version the ballot was on, {@code ballotedText}), rejected
     * refers the draft back. A ballot it does not wait for (also one that ended because the project
     * was withdrawn), or a repeated delivery, changes nothing.
     */
    public Optional<Change<Proposal>> ballotClosed(String ballotId, boolean approved, Integer disapprovals, String explanation,
                                                   String ballotedText, String by, Instant now) {
        if (ballot == null || !ballot.ballotId().equals(ballotId)) {
            return Optional.empty();
        }
        Optional<StageMachine.Transition> found = StageMachine.find(stage, approved ? Step.BALLOT_APPROVED : Step.BALLOT_REJECTED);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StageMachine.Transition rule = found.get();
        Builder builder = new Builder(this).stage(rule.to()).ballot(null);
        if (ballot.type() == BallotType.DIS) {
            builder.enquiryDisapprovals(disapprovals);
        }
        ApprovedVersion approval = null;
        if (!approved && ballot.type() != BallotType.NP) {
            builder.approved(null); // a text referred back is approved no longer
        } else if (approved && ballot.type() != BallotType.NP) {
            approval = new ApprovedVersion(ballot.ballotId(), ballot.type(), ballot.version(),
                    ballot.versionSha256() != null ? ballot.versionSha256() : version(ballot.version()).orElseThrow().sha256());
            builder.approved(approval);
        }
        if (isReferredBack(rule.to())) {
            builder.revisedSinceReferral(false);
        }
        Proposal next = builder.build();
        Events events = new Events(next);
        events.stages(rule, ballot.type() + " ballot " + ballotId + (approved ? " approved" : " rejected")
                + (explanation == null || explanation.isBlank() ? "" : ": " + explanation), by, now);
        if (rule.to() == Stage.UNDER_PUBLICATION) {
            events.add(publicationApproved(approval, ballotedText, now), by, now,
                    "Version " + approval.version() + " (approved by " + approval.ballotType() + " ballot " + approval.ballotId()
                            + ") approved for publication", rule.to());
        }
        return Optional.of(events.done(next));
    }

    /** The publication service issued the standard (60.00 -> 60.60); later revisions are based on its designation. */
    public Optional<Change<Proposal>> standardPublished(String designation, String by, Instant now) {
        Optional<StageMachine.Transition> rule = StageMachine.find(stage, Step.STANDARD_PUBLISHED);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Proposal next = new Builder(this).stage(rule.get().to()).designation(designation).build();
        Events events = new Events(next);
        events.stages(rule.get(), "Published as " + designation, by, now);
        return Optional.of(events.done(next));
    }

    // ---------------------------------------------------------------- questions

    public DraftVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    public Optional<DraftVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** The actions the stage machine and the proposal's state allow now, by their API names. */
    public List<String> allowedActions() {
        return StageMachine.stepsFrom(stage).stream()
                .filter(Step::isAction)
                .filter(step -> refusal(step).isEmpty())
                .map(Step::actionName)
                .toList();
    }

    /** The actions allowed now that this actor may ask for (its role is the one {@link Step#askedBy()} names). */
    public List<String> allowedActions(Actor actor) {
        return StageMachine.stepsFrom(stage).stream()
                .filter(Step::isAction)
                .filter(step -> actor.has(step.askedBy()))
                .filter(step -> refusal(step).isEmpty())
                .map(Step::actionName)
                .toList();
    }

    /** Why a step the rules list for this stage is still refused, if it is. */
    private Optional<String> refusal(Step step) {
        switch (step) {
            case CLOSE_COMMENT_PERIOD -> {
                if (commentPeriod == null) {
                    return Optional.of("no comment period is open");
                }
                if (commentPeriod.closeRequested()) {
                    return Optional.of("closing comment period " + commentPeriod.periodId() + " was already requested");
                }
            }
            case REQUEST_NP_BALLOT, REQUEST_DIS_BALLOT, REQUEST_FDIS_BALLOT -> {
                if (isReferredBack(stage) && !revisedSinceReferral) {
                    return Optional.of("the draft was referred back; store a revised version before a new ballot");
                }
            }
            case SKIP_FINAL_BALLOT -> {
                if (enquiryDisapprovals == null || enquiryDisapprovals > 0) {
                    return Optional.of("the enquiry ballot had " + (enquiryDisapprovals == null ? "no recorded" : enquiryDisapprovals)
                            + " disapproval(s); the final (FDIS) ballot is needed");
                }
                if (approved == null) {
                    return Optional.of("no enquiry ballot approved a version of the draft");
                }
                if (approved.version() != latestVersion().number()) {
                    return Optional.of("version " + latestVersion().number() + " was stored after " + approved.ballotType()
                            + " ballot " + approved.ballotId() + " approved version " + approved.version()
                            + "; nobody has voted on it, so only a final (FDIS) ballot on version " + latestVersion().number()
                            + " can approve it");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private StageMachine.Transition require(Step step, Actor actor) {
        Optional<StageMachine.Transition> rule = StageMachine.find(stage, step);
        if (rule.isEmpty()) {
            throw conflict(step.actionName() + " is not allowed in stage " + stage, actor);
        }
        refusal(step).ifPresent(reason -> {
            throw conflict(step.actionName() + " is not allowed now: " + reason, actor);
        });
        return rule.get();
    }

    /** A step the stage does not allow: {@code allowedActions} are those this caller may ask for now, as in the views. */
    private ConflictException conflict(String detail, Actor actor) {
        ConflictException conflict = new ConflictException("Not allowed in this stage", detail);
        conflict.with("currentStage", stage.code()).with("allowedActions", allowedActions(actor));
        return conflict;
    }

    /** Publication of exactly the approved version: its text must hash to what the ballot was on. */
    private PublicationApproved publicationApproved(ApprovedVersion approval, String text, Instant now) {
        if (text == null || !TextDigest.sha256(text).equals(approval.sha256())) {
            throw new IllegalStateException("The stored text of version " + approval.version() + " of " + proposalId
                    + " does not match its SHA-256 " + approval.sha256() + " that ballot " + approval.ballotId() + " was on");
        }
        return new PublicationApproved(proposalId, projectNumber, committeeId, title, kind.name(), basedOn,
                approval.version(), text, approval.sha256(), now, approval.ballotId());
    }

    private static boolean isReferredBack(Stage stage) {
        return stage == Stage.NP_RETURNED || stage == Stage.DIS_REFERRED_BACK || stage == Stage.FDIS_REFERRED_BACK;
    }

    /** A deadline in the future, and at most {@code horizon} ahead (which also keeps it an RFC 3339 year). */
    private static void requireDeadline(String field, Instant deadline, Period horizon, Instant now) {
        if (deadline == null) {
            throw new InvalidInputException(field, "a deadline is required");
        }
        if (!deadline.isAfter(now)) {
            throw new InvalidInputException(field, "the deadline " + deadline + " is not in the future");
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plus(horizon).toInstant();
        if (deadline.isAfter(latest)) {
            throw new InvalidInputException(field, "the deadline " + deadline + " is more than " + horizon
                    + " ahead; the latest allowed now is " + latest);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // ---------------------------------------------------------------- building the next state

    /** Collects the events of one change and writes each into the audit trail of the new state. */
    private static final class Events {
        private final List<Object> events = new ArrayList<>();
        private final List<HistoryEntry> entries = new ArrayList<>();
        private final Proposal base;

        Events(Proposal base) {
            this.base = base;
        }

        void add(Object event, String by, Instant at, String what, Stage stageAfter) {
            events.add(event);
            entries.add(new HistoryEntry(event.getClass().getSimpleName(), by, at, what, stageAfter.code()));
        }

        void stages(StageMachine.Transition rule, String reason, String by, Instant at) {
            Stage from = rule.from();
            for (Stage to : rule.path()) {
                add(new StageChanged(base.proposalId(), from.code(), to.code(), reason, at), by, at,
                        "Stage " + from.code() + " -> " + to.code() + " (" + to.description() + "): " + reason, to);
                from = to;
            }
        }

        Change<Proposal> done(Proposal next) {
            List<HistoryEntry> history = new ArrayList<>(next.history());
            history.addAll(entries);
            return new Change<>(new Builder(next).history(history).build(), events);
        }
    }

    private static final class Builder {
        private final Proposal p;
        private Stage stage;
        private List<DraftVersion> versions;
        private List<Clause> clauses;
        private CommentPeriod commentPeriod;
        private RequestedBallot ballot;
        private Integer enquiryDisapprovals;
        private boolean revisedSinceReferral;
        private String designation;
        private List<HistoryEntry> history;
        private ApprovedVersion approved;

        Builder(Proposal p) {
            this.p = p;
            this.stage = p.stage;
            this.versions = p.versions;
            this.clauses = p.clauses;
            this.commentPeriod = p.commentPeriod;
            this.ballot = p.ballot;
            this.enquiryDisapprovals = p.enquiryDisapprovals;
            this.revisedSinceReferral = p.revisedSinceReferral;
            this.designation = p.designation;
            this.history = p.history;
            this.approved = p.approved;
        }

        Builder approved(ApprovedVersion value) {
            approved = value;
            return this;
        }

        Builder stage(Stage value) {
            stage = value;
            return this;
        }

        Builder versions(List<DraftVersion> value) {
            versions = value;
            return this;
        }

        Builder clauses(List<Clause> value) {
            clauses = value;
            return this;
        }

        Builder commentPeriod(CommentPeriod value) {
            commentPeriod = value;
            return this;
        }

        Builder ballot(RequestedBallot value) {
            ballot = value;
            return this;
        }

        Builder enquiryDisapprovals(Integer value) {
            enquiryDisapprovals = value;
            return this;
        }

        Builder revisedSinceReferral(boolean value) {
            revisedSinceReferral = value;
            return this;
        }

        Builder designation(String value) {
            designation = value;
            return this;
        }

        Builder history(List<HistoryEntry> value) {
            history = value;
            return this;
        }

        Proposal build() {
            return new Proposal(p.proposalId, p.projectNumber, p.committeeId, p.title, p.scope, p.kind, p.basedOn, stage,
                    versions, clauses, commentPeriod, ballot, enquiryDisapprovals, revisedSinceReferral, designation,
                    history, p.submittedBy, p.submittedAt, approved);
        }
    }
}
