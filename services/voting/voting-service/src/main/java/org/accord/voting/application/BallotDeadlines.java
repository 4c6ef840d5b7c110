package org.accord.voting.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Closes ballots at their deadlines. Deadlines are stored with the ballots and every scan looks
 * for all open ballots already due, so a deadline that passed while the service was down is met
 * on the first scan after it starts; several instances scanning at once close a ballot once,
 * since the close is a version-guarded command that changes nothing on a closed ballot.
 */
@Component
public class BallotDeadlines {

    private static final Logger log = LoggerFactory.getLogger(BallotDeadlines.class);

    private final BallotService ballots;

    public BallotDeadlines(BallotService ballots) {
        this.ballots = ballots;
    }

    @Scheduled(fixedDelayString = "${accord.deadlines.scan-interval:PT1S}",
            initialDelayString = "${accord.deadlines.scan-interval:PT1S}")
    public Mono<Void> closeDueBallots() {
        // Spring subscribes the returned publisher again on every tick: each subscription must scan anew.
        return Mono.defer(ballots::closeDueBallots)
                .doOnNext(closed -> {
                    if (closed > 0) {
                        log.debug("Closed {} ballot(s) at their deadlines", closed);
                    }
                })
                .onErrorResume(e -> {
                    log.warn("Deadline scan failed; the next scan tries again", e);
                    return Mono.empty();
                })
                .then();
    }
}
