package org.accord.messaging;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * What an answer of the store promises: a write is acknowledged once a majority of the replica
 * set has it in its journal ({@code w=majority, j=true}), and reads see only majority-committed
 * data ({@code readConcern=majority}), so neither a request nor the outbox relay acts on a write
 * that a primary failover could roll back. The defaults of {@code MONGODB_URI} name these options;
 * this applies them also where an operator's URI names none (a URI that names its own
 * {@code w} or {@code readConcernLevel} keeps them), and a server selection timeout that ends a
 * request waiting for a primary before the gateway gives up on it. The embedded store accepts both and is
 * durable on every acknowledged write anyway.
 */
public final class StoreDurability implements MongoClientSettingsBuilderCustomizer, Ordered {

    public static final WriteConcern WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);
    public static final ReadConcern READ_CONCERN = ReadConcern.MAJORITY;
    /**
     * How long a request waits for a primary (an election, the store restarting) before it fails
     * as a 503: shorter than the gateway's 30 s response timeout, longer than an election or a
     * restart of the embedded store (3-5 s).
     */
    public static final int SERVER_SELECTION_TIMEOUT_SECONDS = 10;

    private final ConnectionString uri;

    public StoreDurability(String uri) {
        this.uri = uri == null || uri.isBlank() ? null : new ConnectionString(uri);
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        if (uri == null || uri.getWriteConcern() == null) {
            settings.writeConcern(WRITE_CONCERN);
        }
        if (uri == null || uri.getReadConcern() == null) {
            settings.readConcern(READ_CONCERN);
        }
        if (uri == null || uri.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(c -> c.serverSelectionTimeout(SERVER_SELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** After Boot's own customizer, which applies the URI. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
