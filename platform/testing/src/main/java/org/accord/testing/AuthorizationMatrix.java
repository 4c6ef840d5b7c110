package org.accord.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of a service against every kind of caller, each cell with the status the
 * authorization rules expect. Refused writes must leave the resource they address as it was;
 * each cell that succeeds in writing gets a fresh target for the next caller. The whole table is
 * logged, then every mismatch is reported at once.
 */
public final class AuthorizationMatrix {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrix.class);

    /** Who calls. The three national bodies are played by {@link Parties}. */
    public enum Caller {
        NO_TOKEN("no token"),
        EXPIRED("expired"),
        OTHER_ISSUER("other issuer"),
        OTHER_KEY("other key"),
        EDITOR("editor"),
        SECRETARIAT("secretariat"),
        MEMBER("NB member"),
        WRONG_BODY("NB wrong body"),
        NON_MEMBER("NB non-member");

        private final String label;

        Caller(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean presentsABadToken() {
            return this == EXPIRED || this == OTHER_ISSUER || this == OTHER_KEY;
        }
    }

    /**
     * The member bodies of a matrix: {@code member} belongs to the committee and is the one every
     * national-body caller acts for, except the non-member, who acts for itself;
     * {@code otherMember} also belongs to it and holds the token of the wrong-body caller (so its
     * token is good, but for another member body); {@code nonMember} does not belong to it.
     */
    public record Parties(String member, String otherMember, String nonMember) {

        /** The bearer token the caller presents, or null. */
        public String token(Caller caller) {
            return switch (caller) {
                case NO_TOKEN -> null;
                case EXPIRED -> TestTokens.expired(member);
                case OTHER_ISSUER -> TestTokens.fromAnotherIssuer();
                case OTHER_KEY -> TestTokens.signedByAnotherKey();
                case EDITOR -> TestTokens.editor();
                case SECRETARIAT -> TestTokens.secretariat();
                case MEMBER -> TestTokens.nationalBody(member);
                case WRONG_BODY -> TestTokens.nationalBody(otherMember);
                case NON_MEMBER -> TestTokens.nationalBody(nonMember);
            };
        }

        /** The member body the caller acts for in paths and bodies. */
        public String actsFor(Caller caller) {
            return caller == Caller.NON_MEMBER ? nonMember : member;
        }
    }

    /** What a cell answered. */
    public record Answer(int status, String contentType) {

        public static Answer of(WebTestClient.ResponseSpec response) {
            EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
            MediaType type = result.getResponseHeaders().getContentType();
            return new Answer(result.getStatus().value(), type == null ? null : type.toString());
        }
    }

    /** Sends one request as the caller; {@code token} is null for {@link Caller#NO_TOKEN}. */
    @FunctionalInterface
    public interface Call<T> {
        Answer send(T target, Caller caller, String token);
    }

    private final String service;
    private final Parties parties;
    private final List<Endpoint<?>> endpoints = new ArrayList<>();

    private AuthorizationMatrix(String service, Parties parties) {
        this.service = service;
        this.parties = parties;
    }

    public static AuthorizationMatrix of(String service, Parties parties) {
        return new AuthorizationMatrix(service, parties);
    }

    public Parties parties() {
        return parties;
    }

    /**
     * An endpoint ({@code "PUT /ballots/{open}/votes/{memberBody}"}) called on targets from
     * {@code target}. Unless told otherwise every caller with a bad token or none gets 401 and
     * every other caller 403.
     */
    public <T> Endpoint<T> endpoint(String name, Supplier<T> target, Call<T> call) {
        Endpoint<T> endpoint = new Endpoint<>(name, target, call);
        endpoints.add(endpoint);
        return endpoint;
    }

    /** Plays every cell, logs the table, and fails with every mismatch. */
    public void verify() {
        List<String> mismatches = new ArrayList<>();
        List<Map<Caller, String>> rows = new ArrayList<>();
        for (Endpoint<?> endpoint : endpoints) {
            rows.add(endpoint.play(parties, mismatches));
        }
        String table = table(rows);
        log.info("Authorization matrix of the {} service (member {}, other member {}, non-member {}):\n{}",
                service, parties.member(), parties.otherMember(), parties.nonMember(), table);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " cell(s) of the " + service + " authorization matrix differ:\n  "
                    + String.join("\n  ", mismatches) + "\n" + table);
        }
    }

    private String table(List<Map<Caller, String>> rows) {
        int nameWidth = endpoints.stream().mapToInt(e -> e.name.length()).max().orElse(10);
        StringBuilder out = new StringBuilder(String.format("%-" + nameWidth + "s", "endpoint \\ caller"));
        for (Caller caller : Caller.values()) {
            out.append(" | ").append(String.format("%-13s", caller.label()));
        }
        out.append('\n').append("-".repeat(nameWidth + Caller.values().length * 16)).append('\n');
        for (int i = 0; i < endpoints.size(); i++) {
            out.append(String.format("%-" + nameWidth + "s", endpoints.get(i).name));
            for (Caller caller : Caller.values()) {
                out.append(" | ").append(String.format("%-13s", rows.get(i).get(caller)));
            }
            out.append('\n');
        }
        out.append("(a cell reads 'status', or 'status!=expected' where it differs; * marks a write that was refused but changed state)");
        return out.toString();
    }

    /** One row of the matrix. */
    public static final class Endpoint<T> {

        private final String name;
        private final Supplier<T> target;
        private final Call<T> call;
        private final Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        private Function<T, Object> state;

        private Endpoint(String name, Supplier<T> target, Call<T> call) {
            this.name = name;
            this.target = target;
            this.call = call;
            for (Caller caller : Caller.values()) {
                expected.put(caller, caller == Caller.NO_TOKEN || caller.presentsABadToken() ? 401 : 403);
            }
        }

        /** These callers get {@code status}. */
        public Endpoint<T> expect(int status, Caller... callers) {
            for (Caller caller : callers) {
                expected.put(caller, status);
            }
            return this;
        }

        /**
         * For an endpoint that writes: what the addressed resource looks like (compared before and
         * after every refused cell, and expected to change with every accepted one).
         */
        public Endpoint<T> state(Function<T, Object> state) {
            this.state = state;
            return this;
        }

        private boolean writes() {
            return !(name.startsWith("GET ") || name.startsWith("HEAD "));
        }

        private Map<Caller, String> play(Parties parties, List<String> mismatches) {
            if (writes() && state == null) {
                throw new IllegalStateException(name + " writes: say what it changes with state(...)");
            }
            Map<Caller, String> cells = new EnumMap<>(Caller.class);
            T current = null;
            for (Caller caller : Caller.values()) {
                if (current == null) {
                    current = target.get();
                }
                Object before = writes() ? state.apply(current) : null;
                Answer answer = call.send(current, caller, parties.token(caller));
                int want = expected.get(caller);
                String cell = String.valueOf(answer.status());
                if (answer.status() != want) {
                    cell += "!=" + want;
                    mismatches.add(name + " as " + caller.label() + ": " + answer.status() + ", expected " + want);
                }
                if (answer.status() >= 400 && !isProblem(answer.contentType())) {
                    mismatches.add(name + " as " + caller.label() + ": refusal " + answer.status() + " is "
                            + answer.contentType() + ", not application/problem+json");
                }
                if (writes()) {
                    Object after = state.apply(current);
                    boolean changed = !Objects.equals(before, after);
                    if (answer.status() >= 200 && answer.status() < 300) {
                        if (!changed) {
                            mismatches.add(name + " as " + caller.label() + ": accepted (" + answer.status()
                                    + ") but the state probe saw no change");
                        }
                        current = null;
                    } else if (changed) {
                        cell += "*";
                        mismatches.add(name + " as " + caller.label() + ": refused (" + answer.status()
                                + ") but the resource changed");
                        current = null;
                    }
                }
                cells.put(caller, cell);
            }
            return cells;
        }

        private static boolean isProblem(String contentType) {
            return contentType != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        }
    }
}
