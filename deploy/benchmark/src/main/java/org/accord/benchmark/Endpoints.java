package org.accord.benchmark;

import java.net.URI;
import java.util.Map;

/**
 * Where the stack answers. The services keep their fixed ports relative to the gateway's
 * (gateway 8080, identity 9000, proposals 8081, comments 8082, voting 8083, publication 8084,
 * Kafka 9092, store 27017), so a target on another port moves them all by the same offset, as
 * {@code ACCORD_PORT_OFFSET} does for deploy/local.
 */
public record Endpoints(String gateway, String identity, String proposals, String comments, String voting,
                        String publication, String kafka, String mongo, int offset) {

    public static final int GATEWAY_PORT = 8080;

    public static Endpoints of(String target, Map<String, String> env) {
        URI uri = URI.create(target.endsWith("/") ? target.substring(0, target.length() - 1) : target);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? GATEWAY_PORT : uri.getPort();
        int offset = port - GATEWAY_PORT;
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
        String base = scheme + "://" + host + ":";
        String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        String mongo = env.getOrDefault("MONGODB_URI", "");
        return new Endpoints(base + port, base + (9000 + offset), base + (8081 + offset), base + (8082 + offset),
                base + (8083 + offset), base + (8084 + offset),
                kafka.isBlank() ? host + ":" + (9092 + offset) : kafka,
                mongo.isBlank() ? "mongodb://" + host + ":" + (27017 + offset) : mongo, offset);
    }

    /** Every HTTP process of the stack by name, in the order the report lists them. */
    public Map<String, String> services() {
        Map<String, String> services = new java.util.LinkedHashMap<>();
        services.put("identity", identity);
        services.put("gateway", gateway);
        services.put("proposals", proposals);
        services.put("comments", comments);
        services.put("voting", voting);
        services.put("publication", publication);
        return services;
    }

    public static int port(String url) {
        return URI.create(url).getPort();
    }

    public int kafkaPort() {
        String first = kafka.split(",")[0];
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    public int mongoPort() {
        URI uri = URI.create(mongo.replaceFirst("/?\\?.*$", ""));
        return uri.getPort() < 0 ? 27017 : uri.getPort();
    }
}
