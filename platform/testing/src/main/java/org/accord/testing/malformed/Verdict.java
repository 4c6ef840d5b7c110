package org.accord.testing.malformed;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** What one answer to a malformed request shows: handled as it must be, or mishandled, and why. */
public sealed interface Verdict {

    /** Refused with a 4xx {@code application/problem+json} document that names its status. */
    record Refused() implements Verdict {
    }

    /** Accepted where the junk was one the service may take ({@link Expectation#MAY_BE_ACCEPTED}), on a read. */
    record Accepted() implements Verdict {
    }

    record Mishandled(Reason reason) implements Verdict {
    }

    /** Why an answer is wrong. */
    enum Reason {
        CONNECTION_FAILED("the connection failed"),
        SERVER_ERROR("a server error"),
        NOT_A_PROBLEM("a refusal that is not application/problem+json"),
        PROBLEM_WITHOUT_STATUS("a problem document without its status"),
        PROBLEM_NOT_JSON("a problem document that is not JSON"),
        WRITE_ACCEPTED("a malformed write was accepted"),
        REQUEST_ACCEPTED("a malformed request was accepted");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The verdict on what one request got. */
    static Verdict of(Sent sent) {
        int status = sent.status();
        if (status < 0) {
            return new Mishandled(Reason.CONNECTION_FAILED);
        }
        if (status >= 500) {
            return new Mishandled(Reason.SERVER_ERROR);
        }
        if (status >= 400) {
            String answer = sent.answer();
            int space = answer.indexOf(' ');
            String type = space < 0 ? answer : answer.substring(0, space);
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                return new Mishandled(Reason.NOT_A_PROBLEM);
            }
            try {
                JsonNode problem = OpenApi.JSON.readTree(answer.substring(space + 1));
                if (problem.path("status").asInt(-1) != status) {
                    return new Mishandled(Reason.PROBLEM_WITHOUT_STATUS);
                }
            } catch (RuntimeException e) {
                return new Mishandled(Reason.PROBLEM_NOT_JSON);
            }
            return new Refused();
        }
        if (!sent.safe()) {
            return new Mishandled(Reason.WRITE_ACCEPTED);
        }
        if (sent.expected() == Expectation.MAY_BE_ACCEPTED) {
            return new Accepted();
        }
        return new Mishandled(Reason.REQUEST_ACCEPTED);
    }
}
