package org.accord.publication.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.accord.publication.AtomSchema;
import org.accord.publication.application.FeedPages;
import org.accord.publication.domain.Approval;
import org.accord.publication.domain.Designation;
import org.accord.publication.domain.Standard;
import org.accord.publication.domain.TextHash;
import org.accord.publication.persistence.StandardQueries.FeedFigures;
import org.junit.jupiter.api.Test;

class AtomFeedTest {

    final AtomFeed atom = new AtomFeed();

    static Approval approval(String kind, String basedOn, String text) {
        return new Approval("p-1", text.length(), 42, "ACC/TC 1", "Evaluation reports <& \"quotes\">", kind, basedOn, text,
                TextHash.sha256(text));
    }

    static FeedPages.Page page(int page, int lastPage) {
        Standard s = Standard.empty(42).publish(approval("NEW", null, "one"), Instant.parse("2027-05-02T08:00:00Z"))
                .numbered(1).standard();
        s = s.publish(approval("AMENDMENT", "ACC 42:2027", "two!"), Instant.parse("2028-05-02T08:00:00Z")).numbered(2).standard();
        s = s.withdraw(Designation.edition(42, 2027), null, "secretariat", "Obsolete", Instant.parse("2029-01-01T00:00:00Z"))
                .numbered(3).standard();
        Standard standard = s;
        List<FeedPages.Entry> entries = s.publications().stream().map(p -> new FeedPages.Entry(standard, p)).toList();
        return new FeedPages.Page(page, lastPage, entries, new FeedFigures(2, 3, Instant.parse("2029-01-01T00:00:00Z")));
    }

    @Test
    void shouldWriteAFeedThatIsValidAgainstTheRelaxNgSchemaOfRfc4287() {
        String xml = atom.write(page(2, 3), "http://localhost:8084", "ACC/TC 1");

        assertThat(AtomSchema.errors(xml)).isEmpty();
        assertThat(xml).contains("<id>urn:accord:standard:ACC-42-2027:edition:1</id>")
                .contains("<id>urn:accord:standard:ACC-42-2027-Amd-1-2028:edition:1</id>")
                .contains("Evaluation reports &lt;&amp; \"quotes\"&gt;")
                .contains("Withdrawn on 2029-01-01: Obsolete.");
    }

    @Test
    void shouldLinkFirstPreviousNextAndLastPagesAsRfc5005Describes() {
        String xml = atom.write(page(2, 3), "http://localhost:8084", "ACC/TC 1");

        assertThat(xml).contains("rel=\"first\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=1&amp;committee=ACC%2FTC%201\"")
                .contains("rel=\"previous\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=1&amp;")
                .contains("rel=\"prev\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=1&amp;")
                .contains("rel=\"next\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=3&amp;")
                .contains("rel=\"last\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=3&amp;")
                .contains("rel=\"self\" type=\"application/atom+xml\" href=\"http://localhost:8084/feeds/atom?page=2&amp;");
        String first = atom.write(page(1, 1), "http://localhost:8084", null);
        assertThat(first).doesNotContain("rel=\"previous\"").doesNotContain("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void shouldCatchAFeedThatBreaksTheSchema() {
        String xml = atom.write(page(1, 1), "http://localhost:8084", null).replaceFirst("<id>urn:accord:feed:standards</id>", "");

        assertThat(AtomSchema.errors(xml)).isNotEmpty();
    }
}
