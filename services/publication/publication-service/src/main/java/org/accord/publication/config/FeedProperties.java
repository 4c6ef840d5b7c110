package org.accord.publication.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the feeds ({@code accord.feeds.*}).
 *
 * @param pageSize         entries per page of the Atom feed and the JSON Feed
 * @param heartbeat        how often an idle SSE stream gets a comment line, so proxies keep it open
 * @param sweepInterval    how often the live feed looks at the store without being woken
 * @param holeGrace        how long the live feed waits for a reserved feed number to be written before stepping over it
 * @param subscriberBuffer events held for one slow SSE client before its stream is ended (it reconnects and catches up)
 */
@ConfigurationProperties("accord.feeds")
public record FeedProperties(Integer pageSize, Duration heartbeat, Duration sweepInterval, Duration holeGrace,
                             Integer subscriberBuffer) {

    public FeedProperties {
        pageSize = pageSize == null ? 20 : pageSize;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        holeGrace = holeGrace == null ? Duration.ofSeconds(30) : holeGrace;
        subscriberBuffer = subscriberBuffer == null ? 32 : subscriberBuffer;
    }
}
