package org.accord.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.accord.proposals.events.PublicationApproved;
import org.accord.publication.application.LiveFeed;
import org.accord.testing.AccordServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The SSE stream on real connections: ids, resuming with Last-Event-ID, the committee filter, heartbeats. */
@AccordServiceTest
@AutoConfigureWebTestClient
class LiveFeedIT {

    static final Duration WAIT = Duration.ofSeconds(40);

    @Autowired
    WebTestClient http;
    @Autowired
    LiveFeed liveFeed;
    @LocalServerPort
    int port;

    @Test
    void shouldGiveAReconnectingClientExactlyTheEventsItMissedThenLiveOnes() {
        String committee = Approvals.committee("Resume");
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient client = SseClient.connect(port, committee, null)) {
            publish(committee, "A");
            publish(committee, "B");
            ServerSentEvent<String> a = client.next(WAIT);
            ServerSentEvent<String> b = client.next(WAIT);
            assertThat(Long.parseLong(b.id())).isGreaterThan(Long.parseLong(a.id()));
            seen.add(a.id());
            seen.add(b.id());
            lastId = b.id();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> liveFeed.subscribers() == 0);

        PublicationApproved c = publish(committee, "C");
        PublicationApproved d = publish(committee, "D");
        awaitPublished(committee, 4);

        try (SseClient client = SseClient.connect(port, committee, lastId)) {
            ServerSentEvent<String> first = client.next(WAIT);
            ServerSentEvent<String> second = client.next(WAIT);
            assertThat(List.of(SseClient.data(first).get("title").asString(), SseClient.data(second).get("title").asString()))
                    .containsExactlyInAnyOrder(c.title(), d.title());
            assertThat(Long.parseLong(first.id())).isGreaterThan(Long.parseLong(lastId));
            assertThat(Long.parseLong(second.id())).isGreaterThan(Long.parseLong(first.id()));

            PublicationApproved e = publish(committee, "E");
            ServerSentEvent<String> live = client.next(WAIT);
            assertThat(SseClient.data(live).get("title").asString()).isEqualTo(e.title());
            assertThat(Long.parseLong(live.id())).isGreaterThan(Long.parseLong(second.id()));
            assertThat(client.drain(Duration.ofSeconds(2))).as("no duplicate, nothing of other committees").isEmpty();
            seen.add(first.id());
            seen.add(second.id());
            seen.add(live.id());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void shouldReplayFromAnyEarlierIdIncludingWithdrawalsInOrder() {
        String committee = Approvals.committee("Replay");
        long before;
        try (SseClient probe = SseClient.connect(port, committee, null)) {
            publish(committee, "first");
            before = Long.parseLong(probe.next(WAIT).id()) - 1;
        }
        publish(committee, "second");
        awaitPublished(committee, 2);

        try (SseClient client = SseClient.connect(port, committee, Long.toString(before))) {
            ServerSentEvent<String> one = client.next(WAIT);
            ServerSentEvent<String> two = client.next(WAIT);
            assertThat(List.of(one.event(), two.event())).containsOnly("standard-published");
            assertThat(Long.parseLong(one.id())).isEqualTo(before + 1);
            assertThat(Long.parseLong(two.id())).isGreaterThan(before + 1);
        }
    }

    @Test
    void shouldSendOnlyTheCommitteeAskedForAndKeepAnIdleStreamAliveWithComments() {
        String mine = Approvals.committee("Mine");
        String other = Approvals.committee("Other");
        try (SseClient client = SseClient.connect(port, mine, null)) {
            publish(other, "not for me");
            PublicationApproved wanted = publish(mine, "for me");
            ServerSentEvent<String> event = client.next(WAIT);
            assertThat(SseClient.data(event).get("title").asString()).isEqualTo(wanted.title());
            assertThat(SseClient.data(event).get("committeeId").asString()).isEqualTo(mine);
            int comments = client.comments();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.comments() > comments);
        }
    }

    private PublicationApproved publish(String committee, String name) {
        int project = Approvals.project();
        PublicationApproved approved = Approvals.approved(project, committee, "NEW", null, Approvals.text(project, name));
        PublicationApproved titled = new PublicationApproved(approved.proposalId(), project, committee, name + " " + project,
                "NEW", null, approved.version(), approved.text(), approved.textSha256(), approved.approvedAt(), approved.approvedByBallot());
        Approvals.send(titled);
        return titled;
    }

    private void awaitPublished(String committee, int count) {
        await().atMost(WAIT).until(() -> {
            byte[] body = http.get().uri("/standards?committee={c}", committee).exchange().expectBody().returnResult().getResponseBody();
            return body != null && org.accord.events.AccordJson.mapper().readTree(body).get("total").asInt() == count;
        });
    }
}
