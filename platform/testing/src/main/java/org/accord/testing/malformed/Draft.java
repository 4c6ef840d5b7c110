package org.accord.testing.malformed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request under construction: valid values first ({@link ValidValues}), then one mutation ({@link Kind}). */
final class Draft {

    String what;
    final Map<String, String> path = new LinkedHashMap<>();
    /** Path values written into the request target as they are (malformed escapes), not percent-encoded. */
    final Map<String, String> pathRaw = new HashMap<>();
    final List<String[]> query = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    String contentType;
    byte[] body;
    Expectation expected = Expectation.REFUSED;

    /** The request target: the operation's path with this draft's values, and its query. */
    String uri(Operation operation) {
        String target = operation.path();
        for (Map.Entry<String, String> entry : path.entrySet()) {
            String raw = pathRaw.get(entry.getKey());
            target = target.replace("{" + entry.getKey() + "}", raw != null ? raw : Junk.encode(entry.getValue()));
        }
        if (query.isEmpty()) {
            return target;
        }
        StringBuilder out = new StringBuilder();
        for (String[] parameter : query) {
            out.append(out.isEmpty() ? '?' : '&').append(Junk.encode(parameter[0])).append('=').append(Junk.encode(parameter[1]));
        }
        return target + out;
    }
}
