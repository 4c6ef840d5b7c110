package org.accord.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class FeedSubscriberTest {

    @Test
    void shouldNoteAStandardWhoseEventArrivesSplitAcrossChunks() {
        FeedSubscriber subscriber = new FeedSubscriber();
        CompletableFuture<Long> arrived = subscriber.await(42);

        subscriber.accept(":Accord publication feed\nretry:3000\n\n", 1);
        subscriber.accept("id:7\nevent:standard-published\ndata:{\"id\":7,\"project", 2);
        assertThat(arrived).isNotDone();
        subscriber.accept("Number\":42,\"designation\":\"ACC 42:2027\"}\n\n", 3);

        assertThat(arrived).isCompletedWithValue(3L);
        assertThat(subscriber.connected()).isCompletedWithValue(1L);
    }

    @Test
    void shouldIgnoreOtherProjectsAndKeepAlives() {
        FeedSubscriber subscriber = new FeedSubscriber();
        CompletableFuture<Long> arrived = subscriber.await(42);

        subscriber.accept(":keep-alive\n\nid:8\nevent:standard-published\ndata:{\"projectNumber\":41}\n\n", 5);

        assertThat(arrived).isNotDone();
    }

    @Test
    void shouldAnswerAtOnceForAStandardAlreadyAnnounced() {
        FeedSubscriber subscriber = new FeedSubscriber();
        subscriber.accept("event:standard-published\ndata:{\"projectNumber\":9}\n\n", 4);

        assertThat(subscriber.await(9)).isCompletedWithValue(4L);
    }
}
