package org.accord.testing.malformed;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/** The mutations of path, query and header values. */
final class ParameterMutations {

    /** Kept under the server's request-line limit (4 KB), so the request reaches the application. */
    private static final int LONG_PATH_VALUE = 2_000;

    private ParameterMutations() {
    }

    static void invalidPathValue(Draft draft, Operation operation, Random random) {
        List<Operation.Parameter> path = operation.in("path");
        Operation.Parameter parameter = path.get(random.nextInt(path.size()));
        String type = Schemas.typeOf(parameter.schema());
        int variant = random.nextInt(8);
        String raw = null;
        String value = null;
        switch (variant) {
            case 0 -> value = Junk.unicode(random, 1 + random.nextInt(30));
            case 1 -> raw = Junk.pick(random, "..", ".", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%2F", "%5C", "%00", "%0A", "%25",
                    "%C0%AE%C0%AE", "%FF%FE", "%E2%80%AE", "%F0%9F%92%A9", "%25zz", "a%20b%09c");
            case 2 -> value = Junk.longString(random, LONG_PATH_VALUE);
            case 3 -> value = Junk.pick(random, "{\"$gt\":\"\"}", "$where", "'; DROP TABLE x; --", "<script>x</script>",
                    "null", "undefined", "-1", "0", "99999999999999999999", "1.5", "0x1F", "1e9", " ");
            case 4 -> value = "integer".equals(type) ? Junk.pick(random, "abc", "-1", "1.5", "2147483648", "", "1e3")
                    : Junk.unicode(random, 3) + "-" + random.nextInt(1_000_000);
            // A valid value with junk after it (never white space alone: trimming a code is a service's choice).
            case 5 -> raw = Junk.encode(draft.path.get(parameter.name())) + Junk.pick(random, "%00", "%2F..", "/..", ";jsessionid=1",
                    "%01x", "%0D%0Ax", "%25", "%C0%AF", "%FF");
            case 6 -> value = draft.path.get(parameter.name()) + Junk.visible(Junk.unicode(random, 2));
            default -> value = "unknown-" + Long.toHexString(random.nextLong());
        }
        if (raw != null) {
            draft.pathRaw.put(parameter.name(), raw);
            draft.what = "path " + parameter.name() + " = " + Junk.abbreviate(raw, 40) + " (raw)";
        } else {
            draft.path.put(parameter.name(), value);
            draft.what = "path " + parameter.name() + " = " + Junk.abbreviate(value, 40);
        }
    }

    static void invalidQueryValue(Draft draft, Operation operation, Random random) {
        List<Operation.Parameter> query = operation.in("query");
        Operation.Parameter parameter = query.get(random.nextInt(query.size()));
        JsonNode schema = parameter.schema();
        String type = Schemas.typeOf(schema);
        String value;
        boolean invalid;
        if ("integer".equals(type) || "number".equals(type)) {
            int variant = random.nextInt(4);
            if (variant == 0 || variant == 3) {
                value = Junk.pick(random, "abc", "1.5", "1e3", "--1", "1,2", "1-", Junk.unicode(random, 4));
                invalid = !"number".equals(type) || !value.equals("1e3");
            } else if (variant == 3 && operation.safe()) {
                // What Spring's number conversion reads as a number (or, empty, as absent): lenient, not wrong, so
                // only where taking it changes nothing.
                value = Junk.pick(random, " 1", "0x1F", "#1", "\u0661", "");
                invalid = false;
            } else if (variant == 1) {
                value = Schemas.numberOutOfRange(schema, random);
                invalid = true;
            } else {
                value = Junk.pick(random, "-1", "-100", "-2147483648", "0");
                // A negative page or size is wrong whatever the document declares.
                invalid = Schemas.outOfBounds(schema, Long.parseLong(value)) || value.startsWith("-")
                        && List.of("page", "size", "limit", "offset").contains(parameter.name().toLowerCase(Locale.ROOT));
            }
        } else if (schema.has("enum")) {
            value = Junk.unicode(random, 5);
            invalid = true;
        } else if ("boolean".equals(type)) {
            value = Junk.pick(random, "yes", "2", "truee", Junk.unicode(random, 3));
            invalid = true;
        } else {
            value = Junk.pick(random, Junk.unicode(random, 1 + random.nextInt(20)), Junk.longString(random, 1_500), "{\"$gt\":\"\"}", "..",
                    "%00", "'", "*", ".*", "(", "[", "\\", "%", "\u0000", " ");
            invalid = false;
        }
        draft.query.removeIf(q -> q[0].equals(parameter.name()));
        draft.query.add(new String[] {parameter.name(), value});
        if (random.nextInt(6) == 0) {
            draft.query.add(new String[] {parameter.name(), value + "2"});
        }
        draft.expected = invalid ? Expectation.REFUSED : Expectation.MAY_BE_ACCEPTED;
        draft.what = "query " + parameter.name() + " (" + type + ") = " + Junk.abbreviate(value, 40);
    }

    static void missingQueryValue(Draft draft, Operation operation, Random random) {
        List<Operation.Parameter> required = operation.in("query").stream().filter(Operation.Parameter::required).toList();
        Operation.Parameter missing = required.get(random.nextInt(required.size()));
        draft.query.removeIf(q -> q[0].equals(missing.name()));
        if (random.nextBoolean()) {
            draft.query.add(new String[] {missing.name(), ""});
            draft.what = "query parameter " + missing.name() + " empty";
        } else {
            draft.what = "query parameter " + missing.name() + " missing";
        }
    }

    static void invalidHeaderValue(Draft draft, Operation operation, Random random) {
        List<Operation.Parameter> headers = operation.malformableHeaders();
        Operation.Parameter header = headers.get(random.nextInt(headers.size()));
        String value = Junk.pick(random, "\"no-such-version\"", "W/\"abc\"", "abc", "\"\"", "\"-1\"", "\"99999999999999999999\"",
                "\"" + "x".repeat(4_000) + "\"", "\"v1\", \"v2\"", "\"\\u0000\"", "<>", "\"%00\"");
        draft.headers.put(header.name(), value);
        draft.what = "header " + header.name() + ": " + Junk.abbreviate(value, 40);
    }

    /** Query parameters the operation does not declare: taking them changes nothing, so they may be accepted. */
    static void unexpectedQuery(Draft draft, Operation operation, Random random) {
        draft.query.add(new String[] {Junk.pick(random, "page", "size", "x", "%00", "filter[$where]", "..", "\u202e"),
                Junk.pick(random, "-1", "abc", "99999999999999999999", "%FF%FE", "'", "{\"$gt\":\"\"}", Junk.longString(random, 500))});
        draft.what = "unexpected query parameters";
        draft.expected = Expectation.MAY_BE_ACCEPTED;
    }
}
