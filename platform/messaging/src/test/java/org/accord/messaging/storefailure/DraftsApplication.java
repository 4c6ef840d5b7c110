package org.accord.messaging.storefailure;

import java.time.Clock;

import org.accord.messaging.AggregateStore;
import org.accord.messaging.OutboxRelay;
import org.accord.problem.NotFoundException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A minimal service reading one aggregate type from its store, for the store-failure IT. */
@SpringBootApplication
public class DraftsApplication {

    public record Draft(String title) {
    }

    @Bean
    AggregateStore<Draft> drafts(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        return new AggregateStore<>(mongo, relay, "drafts", Draft.class, clock);
    }

    @RestController
    static class DraftsController {
        private final AggregateStore<Draft> drafts;

        DraftsController(AggregateStore<Draft> drafts) {
            this.drafts = drafts;
        }

        @GetMapping("/drafts/{id}")
        Mono<Draft> draft(@PathVariable String id) {
            return drafts.find(id).map(stored -> stored.state()).switchIfEmpty(Mono.error(() -> new NotFoundException("Draft", id)));
        }
    }
}
