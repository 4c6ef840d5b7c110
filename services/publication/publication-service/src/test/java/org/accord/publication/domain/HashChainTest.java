package org.accord.publication.domain;

import static org.accord.publication.domain.ApprovalBuilder.approval;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashChainTest {

    Standard standard;
    Map<String, String> texts = new HashMap<>();
    List<Publication> chain;

    @BeforeEach
    void threePublications() {
        Standard s = Standard.empty(42);
        long sequence = 1;
        String[] bodies = {"# 1 Scope\n\nFirst edition.\n", "# 1 Scope\n\nAmendment 1.\n", "# 1 Scope\n\nSecond edition.\n"};
        Approval[] approvals = {approval().text(bodies[0]).build(), approval().amendment("ACC 42:2027").text(bodies[1]).build(),
                approval().revision("ACC 42:2027").text(bodies[2]).build()};
        Instant[] times = {Instant.parse("2027-05-02T08:00:00Z"), Instant.parse("2028-01-10T08:00:00Z"),
                Instant.parse("2029-02-03T08:00:00Z")};
        for (int i = 0; i < approvals.length; i++) {
            s = s.publish(approvals[i], times[i]).numbered(sequence++).standard();
            texts.put(TextHash.sha256(bodies[i]), bodies[i]);
        }
        standard = s;
        chain = s.publications();
    }

    @Test
    void shouldFindAnUntouchedChainValidInEveryLink() {
        HashChain.Verification verification = HashChain.verify(standard, texts::get);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.editions()).hasSize(3).allMatch(HashChain.Link::valid);
        assertThat(verification.editions()).extracting(HashChain.Link::computedSha256)
                .containsExactlyElementsOf(chain.stream().map(Publication::textSha256).toList());
    }

    @Test
    void shouldShowATextChangedInTheStoreAtItsOwnLink() {
        texts.put(chain.get(0).textSha256(), "# 1 Scope\n\nFirst edition, quietly changed.\n");

        HashChain.Verification verification = HashChain.verify(standard, texts::get);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.editions()).extracting(HashChain.Link::valid).containsExactly(false, true, true);
        assertThat(verification.editions().get(0).problems()).singleElement().asString().contains("hashes to");
    }

    @Test
    void shouldShowATextChangedTogetherWithItsRecordedHashAtTheNextLink() {
        String forged = "# 1 Scope\n\nAmendment 1, forged.\n";
        Publication amendment = chain.get(1);
        Publication forgedAmendment = new Publication(amendment.designation(), amendment.edition(), amendment.kind(),
                amendment.supplementNumber(), amendment.basedOn(), amendment.proposalId(), amendment.proposalVersion(),
                amendment.title(), amendment.committeeId(), TextHash.sha256(forged), amendment.previousSha256(),
                amendment.replaces(), amendment.replacedBy(), amendment.publishedAt(), amendment.status(), amendment.sequence(),
                amendment.lastSequence(), amendment.updatedAt(), null, null, null, null, amendment.previousEditionSha256(),
                amendment.amendsSha256());
        texts.put(TextHash.sha256(forged), forged);
        Standard forgedStandard = new Standard(42, standard.committeeId(), standard.title(),
                List.of(chain.get(0), forgedAmendment, chain.get(2)), standard.lastSequence(), standard.lastChangedAt(), 0);

        HashChain.Verification verification = HashChain.verify(forgedStandard, texts::get);

        assertThat(verification.editions()).extracting(HashChain.Link::valid).containsExactly(true, true, false);
        assertThat(verification.editions().get(2).problems()).singleElement().asString().contains("previous hash");
    }

    @Test
    void shouldReportATextMissingFromTheStore() {
        texts.remove(chain.get(2).textSha256());

        HashChain.Verification verification = HashChain.verify(standard, texts::get);

        assertThat(verification.editions()).extracting(HashChain.Link::valid).containsExactly(true, true, false);
        assertThat(verification.editions().get(2).problems()).singleElement().asString().contains("no text is stored");
    }
}
