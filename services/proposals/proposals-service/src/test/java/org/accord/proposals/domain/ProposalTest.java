package org.accord.proposals.domain;

import static org.accord.proposals.domain.ProposalFixtures.EDITOR;
import static org.accord.proposals.domain.ProposalFixtures.ELECTORATE;
import static org.accord.proposals.domain.ProposalFixtures.NOW;
import static org.accord.proposals.domain.ProposalFixtures.SECRETARIAT;
import static org.accord.proposals.domain.ProposalFixtures.TEXT_V1;
import static org.accord.proposals.domain.ProposalFixtures.TEXT_V2;
import static org.accord.proposals.domain.ProposalFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.accord.actor.Actor;
import org.accord.problem.ConflictException;
import org.accord.problem.ForbiddenException;
import org.accord.problem.InvalidInputException;
import org.accord.problem.NotFoundException;
import org.accord.problem.UnauthorizedException;
import org.accord.proposals.events.BallotRequested;
import org.accord.proposals.events.Clause;
import org.accord.proposals.events.DraftRevised;
import org.accord.proposals.events.ProposalSubmitted;
import org.accord.proposals.events.ProposalWithdrawn;
import org.accord.proposals.events.PublicationApproved;
import org.accord.proposals.events.ReviewCloseRequested;
import org.accord.proposals.events.ReviewOpened;
import org.accord.proposals.events.StageChanged;
import org.junit.jupiter.api.Test;

class ProposalTest {

    @Test
    void shouldRegisterASubmissionAt1000WithVersionOneAndItsClauses() {
        Submission submission = new Submission("ACC/TC 1", "Evaluation reports", "Reports", ProposalKind.NEW, null);
        ParsedDraft draft = Proposal.prepare(submission, TEXT_V1, EDITOR);
        Change<Proposal> change = Proposal.submit("p-9", 7, submission, draft, EDITOR, NOW);

        assertThat(change.state().stage()).isEqualTo(Stage.REGISTERED);
        assertThat(change.state().latestVersion().sha256()).isEqualTo(TextDigest.sha256(TEXT_V1));
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(ProposalSubmitted.class, submitted -> {
            assertThat(submitted.projectNumber()).isEqualTo(7);
            assertThat(submitted.stage()).isEqualTo("10.00");
            assertThat(submitted.version()).isEqualTo(1);
            assertThat(submitted.clauses()).containsExactly(new Clause("Foreword", "Foreword"), new Clause("1", "Scope"),
                    new Clause("1.1", "Exclusions"));
        });
        assertThat(change.state().history()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("ProposalSubmitted");
            assertThat(entry.by()).isEqualTo("editor");
            assertThat(entry.at()).isEqualTo(NOW);
            assertThat(entry.what()).contains("project 7");
        });
    }

    @Test
    void shouldRefuseABasedOnForANewProposalAndRequireItForARevision() {
        assertThatThrownBy(() -> Proposal.validate(new Submission("ACC/TC 1", "T", "S", ProposalKind.NEW, "ACC 1:2026")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("basedOn"));
        assertThatThrownBy(() -> Proposal.validate(new Submission("ACC/TC 1", "T", "S", ProposalKind.REVISION, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("basedOn"));
        assertThatThrownBy(() -> Proposal.validate(new Submission(" ", "", "S", ProposalKind.NEW, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("committee", "title"));
    }

    @Test
    void shouldStoreARevisionAsTheNextVersionWithoutChangingTheStage() {
        Change<Proposal> change = at(Stage.CD_CLOSED).reviseDraft(TEXT_V2, "FR comments applied", EDITOR, NOW);

        assertThat(change.state().stage()).isEqualTo(Stage.CD_CLOSED);
        assertThat(change.state().versions()).extracting(DraftVersion::number).containsExactly(1, 2);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(DraftRevised.class, revised -> {
            assertThat(revised.version()).isEqualTo(2);
            assertThat(revised.textSha256()).isEqualTo(TextDigest.sha256(TEXT_V2));
            assertThat(revised.note()).isEqualTo("FR comments applied");
        });
    }

    @Test
    void shouldRefuseARevisionIdenticalToTheLatestVersion() {
        assertThatThrownBy(() -> at(Stage.REGISTERED).reviseDraft(TEXT_V1, null, EDITOR, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.detail()).contains("identical to version 1"));
    }

    @Test
    void shouldOpenACommentPeriodOnTheLatestVersionAndAskOnceToCloseIt() {
        Change<Proposal> opened = at(Stage.REGISTERED).openCommentPeriod("cp-7", NOW.plus(Duration.ofDays(30)), EDITOR, NOW);
        assertThat(opened.events()).first().isInstanceOfSatisfying(ReviewOpened.class, review -> {
            assertThat(review.periodId()).isEqualTo("cp-7");
            assertThat(review.version()).isEqualTo(1);
            assertThat(review.clauses()).hasSize(3);
        });

        Change<Proposal> closing = opened.state().closeCommentPeriod("cp-7", EDITOR, NOW);
        assertThat(closing.state().stage()).as("the stage moves when the period has closed").isEqualTo(Stage.CD_CONSULTATION);
        assertThat(closing.events()).singleElement().isInstanceOf(ReviewCloseRequested.class);

        assertThatThrownBy(() -> closing.state().closeCommentPeriod("cp-7", EDITOR, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.detail()).contains("already requested");
                    assertThat(e.properties()).as("what this editor may ask for: only the secretariat withdraws")
                            .containsEntry("allowedActions", List.of());
                });
        assertThatThrownBy(() -> opened.state().closeCommentPeriod("cp-other", EDITOR, NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRefuseADeadlineThatIsNotInTheFuture() {
        assertThatThrownBy(() -> at(Stage.REGISTERED).openCommentPeriod("cp-1", NOW, EDITOR, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("deadline"));
    }

    @Test
    void shouldRequestABallotWithTheElectorateAndTheClausesOfTheLatestVersion() {
        Change<Proposal> change = at(Stage.CD_CLOSED).requestBallot("b-9", BallotType.DIS, null,
                NOW.plus(Duration.ofDays(84)), true, ELECTORATE, EDITOR, NOW);

        assertThat(change.state().stage()).isEqualTo(Stage.DIS_BALLOT);
        assertThat(change.events()).first().isInstanceOfSatisfying(BallotRequested.class, ballot -> {
            assertThat(ballot.ballotType()).isEqualTo("DIS");
            assertThat(ballot.ruleSet()).isEqualTo("ISO_ENQUIRY_APPROVAL");
            assertThat(ballot.participatingMembers()).containsExactly("CN", "FR", "KE");
            assertThat(ballot.observingMembers()).containsExactly("US", "MX");
            assertThat(ballot.observersMayVote()).isTrue();
            assertThat(ballot.earlyCloseAllowed()).isTrue();
            assertThat(ballot.version()).isEqualTo(1);
            assertThat(ballot.clauses()).extracting(Clause::number).containsExactly("Foreword", "1", "1.1");
        });
        assertThat(change.events()).last().isEqualTo(new StageChanged("p-1", "30.60", "40.20", "DIS ballot b-9 requested", NOW));
    }

    @Test
    void shouldRefuseABallotWhenTheCommitteeHasNoParticipatingMembers() {
        assertThatThrownBy(() -> at(Stage.CD_CLOSED).requestBallot("b-9", BallotType.DIS, RuleSet.SIMPLE_MAJORITY,
                NOW.plus(Duration.ofDays(1)), false, new Electorate(List.of(), List.of("US")), EDITOR, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no P-members");
    }

    @Test
    void shouldRequireARevisionBeforeANewEnquiryOnADraftReferredBack() {
        Proposal referred = ProposalFixtures.notRevisedSinceReferral(at(Stage.DIS_REFERRED_BACK));
        assertThat(referred.allowedActions()).containsExactly("revise-draft", "withdraw");
        assertThatThrownBy(() -> ProposalFixtures.perform(referred, Step.REQUEST_DIS_BALLOT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.detail()).contains("referred back");
                    assertThat(e.properties()).containsEntry("currentStage", "40.92");
                });

        Proposal revised = referred.reviseDraft(TEXT_V2, "comments resolved", EDITOR, NOW).state();
        assertThat(revised.allowedActions()).containsExactly("revise-draft", "request-dis-ballot", "withdraw");
        assertThat(revised.allowedActions(ProposalFixtures.EDITOR)).as("what the editor may ask for")
                .containsExactly("revise-draft", "request-dis-ballot");
        assertThat(revised.allowedActions(ProposalFixtures.SECRETARIAT)).as("only the secretariat withdraws").containsExactly("withdraw");
        assertThat(revised.allowedActions(org.accord.actor.Actor.of("nb-ke", org.accord.actor.Role.NATIONAL_BODY))).isEmpty();
        assertThat(ProposalFixtures.perform(revised, Step.REQUEST_DIS_BALLOT).state().stage()).isEqualTo(Stage.DIS_NEW_BALLOT);
    }

    @Test
    void shouldRememberTheEnquiryDisapprovalsAndSkipTheFinalBallotOnlyWithoutAny() {
        Proposal unanimous = at(Stage.DIS_BALLOT).ballotClosed("b-1", true, 0, "approved", TEXT_V1, "/accord/voting", NOW)
                .orElseThrow().state();
        assertThat(unanimous.allowedActions()).contains("skip-final-ballot");

        Proposal contested = at(Stage.DIS_BALLOT).ballotClosed("b-1", true, 2, "approved", TEXT_V1, "/accord/voting", NOW)
                .orElseThrow().state();
        assertThat(contested.enquiryDisapprovals()).isEqualTo(2);
        assertThat(contested.allowedActions()).containsExactly("revise-draft", "request-fdis-ballot", "withdraw");
        assertThatThrownBy(() -> contested.skipFinalBallot(TEXT_V1, EDITOR, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.detail()).contains("2 disapproval(s)"));
        assertThat(ProposalFixtures.withDisapprovals(unanimous, null).allowedActions()).doesNotContain("skip-final-ballot");
    }

    @Test
    void shouldApprovePublicationOfTheLatestTextWhenTheFinalBallotPasses() {
        Change<Proposal> change = at(Stage.FDIS_BALLOT)
                .ballotClosed("b-1", true, 1, "P approvals 12 >= 2/3 of 13", TEXT_V1, "/accord/voting", NOW).orElseThrow();

        assertThat(change.state().stage()).isEqualTo(Stage.UNDER_PUBLICATION);
        assertThat(change.state().ballot()).isNull();
        assertThat(change.events()).filteredOn(PublicationApproved.class::isInstance).singleElement()
                .isInstanceOfSatisfying(PublicationApproved.class, approved -> {
                    assertThat(approved.text()).isEqualTo(TEXT_V1);
                    assertThat(approved.textSha256()).isEqualTo(TextDigest.sha256(TEXT_V1));
                    assertThat(approved.projectNumber()).isEqualTo(42);
                    assertThat(approved.kind()).isEqualTo("NEW");
                });
        assertThat(change.state().history()).extracting(HistoryEntry::by).contains("/accord/voting");
    }

    @Test
    void shouldRefuseToApproveAPublicationWhoseTextDoesNotMatchTheLatestVersion() {
        assertThatThrownBy(() -> at(Stage.DIS_APPROVED).skipFinalBallot(TEXT_V2, EDITOR, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match");
    }

    @Test
    void shouldApplyTheSameBallotResultOnlyOnce() {
        Proposal closed = at(Stage.DIS_BALLOT).ballotClosed("b-1", false, 6, "rejected", TEXT_V1, "/accord/voting", NOW)
                .orElseThrow().state();
        assertThat(closed.stage()).isEqualTo(Stage.DIS_REFERRED_BACK);
        assertThat(closed.ballotClosed("b-1", false, 6, "rejected", TEXT_V1, "/accord/voting", NOW)).isEmpty();
        assertThat(at(Stage.DIS_BALLOT).ballotClosed("b-other", true, 0, "", TEXT_V1, "/accord/voting", NOW)).isEmpty();
    }

    @Test
    void shouldIgnoreTheClosingOfAnEnquiryPeriodOrOfAPeriodItDoesNotWaitFor() {
        assertThat(at(Stage.DIS_BALLOT).commentPeriodClosed("b-1", "DEADLINE", 4, "/accord/comments", NOW)).isEmpty();
        assertThat(at(Stage.CD_CONSULTATION).commentPeriodClosed("cp-old", "DEADLINE", 4, "/accord/comments", NOW)).isEmpty();
    }

    @Test
    void shouldRememberTheDesignationWhenTheStandardIsPublished() {
        Optional<Change<Proposal>> published = at(Stage.UNDER_PUBLICATION).standardPublished("ACC 42:2027",
                "/accord/publication", NOW);
        assertThat(published).isPresent();
        assertThat(published.get().state().designation()).isEqualTo("ACC 42:2027");
        assertThat(published.get().state().allowedActions()).isEmpty();
        assertThat(published.get().state().standardPublished("ACC 42:2027", "/accord/publication", NOW)).isEmpty();
    }

    @Test
    void shouldWithdrawIntoTheAbandonedSubstageOfTheCurrentPhaseAndAskToCloseTheOpenPeriod() {
        Change<Proposal> change = at(Stage.CD_CONSULTATION).withdraw("merged into project 43", SECRETARIAT, NOW);
        assertThat(change.state().stage()).isEqualTo(Stage.CD_DELETED);
        assertThat(change.state().commentPeriod()).isNull();
        assertThat(change.events()).first().isEqualTo(
                new ProposalWithdrawn("p-1", "30.20", "merged into project 43", "secretariat", NOW));
        assertThat(change.events()).contains(new ReviewCloseRequested("p-1", "cp-1", "secretariat", NOW));
        assertThat(change.state().allowedActions()).isEmpty();
    }

    @Test
    void shouldLetOnlyEditorsActAndOnlyTheSecretariatWithdraw() {
        Proposal proposal = at(Stage.CD_CLOSED);
        assertThatThrownBy(() -> proposal.reviseDraft(TEXT_V2, null, Actor.nationalBody("KE"), NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> proposal.reviseDraft(TEXT_V2, null, Actor.ANONYMOUS, NOW))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> proposal.withdraw(null, EDITOR, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> proposal.requestBallot("b", BallotType.DIS, null, NOW.plusSeconds(60), false, ELECTORATE,
                SECRETARIAT, NOW)).isInstanceOf(ForbiddenException.class);
    }
}
