package org.accord.messaging;

import reactor.core.publisher.Mono;

/** Reacts to one type of consumed event. It must be idempotent: the event may come again. */
@FunctionalInterface
public interface EventHandler<T> {
    Mono<?> handle(ReceivedEvent<T> event);
}
