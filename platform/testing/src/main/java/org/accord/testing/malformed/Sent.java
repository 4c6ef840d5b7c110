package org.accord.testing.malformed;

/** One request that was sent and what came back, as reported in a failure ({@code answer} is content type and body). */
public record Sent(int index, Kind kind, String what, Expectation expected, String method, String uri, String contentType,
                   int bodyLength, String bodyPreview, int status, String answer) {

    boolean safe() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** The same request with the reason it was mishandled before its answer. */
    Sent mishandled(Verdict.Reason reason) {
        return new Sent(index, kind, what, expected, method, uri, contentType, bodyLength, bodyPreview, status, reason + ": " + answer);
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + " (" + what + (expected == Expectation.MAY_BE_ACCEPTED ? ", may be accepted" : "")
                + "): " + method + " " + Junk.abbreviate(uri, 240)
                + (contentType == null ? "" : " [" + contentType + ", " + bodyLength + " bytes: " + bodyPreview + "]")
                + " -> " + (status < 0 ? "no response" : String.valueOf(status)) + " " + answer;
    }
}
