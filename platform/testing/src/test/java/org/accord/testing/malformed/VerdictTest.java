package org.accord.testing.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.malformed.Verdict.Reason;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void shouldPassARefusalThatIsAProblemWithItsStatus() {
        assertThat(Verdict.of(sent("PUT", Expectation.REFUSED, 400, "application/problem+json {\"status\":400}")))
                .isEqualTo(new Verdict.Refused());
    }

    @Test
    void shouldFailNoAnswerAServerErrorAndARefusalThatIsNoProblemWithItsStatus() {
        assertThat(reason(sent("GET", Expectation.REFUSED, -1, "java.io.IOException"))).isEqualTo(Reason.CONNECTION_FAILED);
        assertThat(reason(sent("GET", Expectation.MAY_BE_ACCEPTED, 503, "application/problem+json {\"status\":503}")))
                .isEqualTo(Reason.SERVER_ERROR);
        assertThat(reason(sent("GET", Expectation.REFUSED, 400, "text/plain bad"))).isEqualTo(Reason.NOT_A_PROBLEM);
        assertThat(reason(sent("GET", Expectation.REFUSED, 400, "application/problem+json {\"status\":422}")))
                .isEqualTo(Reason.PROBLEM_WITHOUT_STATUS);
        assertThat(reason(sent("GET", Expectation.REFUSED, 404, "application/problem+json {not json"))).isEqualTo(Reason.PROBLEM_NOT_JSON);
    }

    @Test
    void shouldAcceptOnlyAReadWhoseJunkMayBeTaken() {
        assertThat(Verdict.of(sent("GET", Expectation.MAY_BE_ACCEPTED, 200, "application/json "))).isEqualTo(new Verdict.Accepted());
        assertThat(reason(sent("GET", Expectation.REFUSED, 200, "application/json "))).isEqualTo(Reason.REQUEST_ACCEPTED);
        assertThat(reason(sent("POST", Expectation.MAY_BE_ACCEPTED, 201, "application/json "))).isEqualTo(Reason.WRITE_ACCEPTED);
    }

    @Test
    void shouldNameTheReasonAndWhatMayBeAcceptedInAFailure() {
        Sent sent = sent("GET", Expectation.MAY_BE_ACCEPTED, 500, "text/plain boom").mishandled(Reason.SERVER_ERROR);

        assertThat(sent).hasToString("#7 UNEXPECTED_QUERY (unexpected query parameters, may be accepted): GET /feeds/atom?x=1"
                + " -> 500 a server error: text/plain boom");
    }

    private static Reason reason(Sent sent) {
        return ((Verdict.Mishandled) Verdict.of(sent)).reason();
    }

    private static Sent sent(String method, Expectation expected, int status, String answer) {
        return new Sent(7, Kind.UNEXPECTED_QUERY, "unexpected query parameters", expected, method, "/feeds/atom?x=1", null, 0, "",
                status, answer);
    }
}
