package org.accord.publication.domain;

/**
 * One entry of the publication journal that observers follow: a document was published or
 * withdrawn. {@code sequence} increases across the whole service and is stored with the
 * publication, so it identifies the event for as long as the record exists (the SSE event id).
 * {@code committeeId} is the committee responsible for the standard, which feeds filter on.
 */
public record FeedEvent(long sequence, Type type, int projectNumber, String committeeId, Publication publication) {

    public enum Type {
        PUBLISHED("standard-published"),
        WITHDRAWN("standard-withdrawn");

        private final String eventName;

        Type(String eventName) {
            this.eventName = eventName;
        }

        /** The SSE event name. */
        public String eventName() {
            return eventName;
        }
    }
}
