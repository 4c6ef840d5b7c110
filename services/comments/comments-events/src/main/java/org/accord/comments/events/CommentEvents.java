package org.accord.comments.events;

import org.accord.events.EventType;
import org.accord.events.Topics;

/** The comments service's published events: its contract with every other service. */
public final class CommentEvents {

    public static final EventType<CommentPeriodOpened> PERIOD_OPENED =
            EventType.of("org.accord.comment.period-opened.v1", Topics.COMMENTS, CommentPeriodOpened.class);
    public static final EventType<CommentSubmitted> SUBMITTED =
            EventType.of("org.accord.comment.submitted.v1", Topics.COMMENTS, CommentSubmitted.class);
    public static final EventType<CommentAmended> AMENDED =
            EventType.of("org.accord.comment.amended.v1", Topics.COMMENTS, CommentAmended.class);
    public static final EventType<CommentWithdrawn> WITHDRAWN =
            EventType.of("org.accord.comment.withdrawn.v1", Topics.COMMENTS, CommentWithdrawn.class);
    public static final EventType<CommentResolved> RESOLVED =
            EventType.of("org.accord.comment.resolved.v1", Topics.COMMENTS, CommentResolved.class);
    public static final EventType<CommentPeriodClosed> PERIOD_CLOSED =
            EventType.of("org.accord.comment.period-closed.v1", Topics.COMMENTS, CommentPeriodClosed.class);

    public static final java.util.List<EventType<?>> ALL =
            java.util.List.of(PERIOD_OPENED, SUBMITTED, AMENDED, WITHDRAWN, RESOLVED, PERIOD_CLOSED);

    private CommentEvents() {
    }
}
