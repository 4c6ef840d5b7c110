package org.accord.web.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.accord.problem.ConflictException;
import org.accord.problem.NotFoundException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** A tiny service that exercises every kind of refusal the platform answers. */
@SpringBootApplication
public class SampleApplication {

    public enum CommentType { ge, te, ed }

    public record SampleComment(@NotBlank String memberBody, @Size(max = 20) String clause, CommentType type, int line) {
    }

    @RestController
    static class SampleController {

        @PostMapping(path = "/comments", consumes = "application/json")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<SampleComment> create(@Valid @RequestBody SampleComment comment) {
            return Mono.just(comment);
        }

        @GetMapping("/comments")
        Mono<String> search(@org.springframework.web.bind.annotation.RequestParam("clause") String clause) {
            return Mono.just(clause);
        }

        @GetMapping("/whoami")
        Mono<org.accord.actor.Actor> whoami(org.accord.actor.Actor actor) {
            return Mono.just(actor.require(org.accord.actor.Role.NATIONAL_BODY, org.accord.actor.Role.EDITOR));
        }

        @PostMapping("/committees")
        Mono<Void> manage(org.accord.actor.Actor actor) {
            actor.require(org.accord.actor.Role.SECRETARIAT);
            return Mono.empty();
        }

        /** How many bytes of an upload arrived (the body limit's tests). */
        @PostMapping(path = "/uploads", consumes = "application/octet-stream")
        Mono<java.util.Map<String, Integer>> upload(@RequestBody byte[] file, org.accord.actor.Actor actor) {
            actor.require(org.accord.actor.Role.EDITOR);
            return Mono.just(java.util.Map.of("bytes", file.length));
        }

        @GetMapping("/comments/{id}")
        Mono<SampleComment> find(@PathVariable String id) {
            return Mono.error(new NotFoundException("Comment", id));
        }

        @PostMapping("/comments/{id}/withdrawal")
        Mono<Void> withdraw(@PathVariable String id) {
            return Mono.error(new ConflictException("Period closed", "The comment period of comment " + id + " is closed")
                    .with("stage", "30.60"));
        }
    }
}
