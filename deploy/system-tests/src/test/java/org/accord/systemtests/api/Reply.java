package org.accord.systemtests.api;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

import org.accord.events.AccordJson;
import tools.jackson.databind.JsonNode;

/** An HTTP answer of the gateway: status, headers and body. */
public record Reply(String method, String path, int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return AccordJson.mapper().readTree(body);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A problem+json title, or empty. */
    public String title() {
        try {
            return json().path("title").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Worth asking again: the gateway could not reach the service (502/503/504) or the service
     * failed (500), or another writer changed the aggregate between read and write (409 version conflict).
     */
    public boolean transientFailure() {
        return status == 500 || status == 502 || status == 503 || status == 504
                || (status == 409 && "Version conflict".equals(title()));
    }

    public Reply requireStatus(int expected) {
        if (status != expected) {
            throw new AssertionError(method + " " + path + " answered " + status + " (expected " + expected + "): " + text());
        }
        return this;
    }

    public Reply requireOk() {
        if (!ok()) {
            throw new AssertionError(method + " " + path + " answered " + status + ": " + text());
        }
        return this;
    }

    @Override
    public String toString() {
        String text = text();
        return method + " " + path + " -> " + status + " " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
    }
}
