package org.accord.testing.malformed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.accord.testing.malformed.JsonBody.Slot;
import tools.jackson.databind.JsonNode;

/** The mutations of a body as a whole: empty, too large, of a content type the operation does not take, or a broken file. */
final class BodyMutations {

    private static final int OVERSIZED_BODY = 4 * 1024 * 1024 + 512 * 1024;

    private BodyMutations() {
    }

    static void emptyBody(Draft draft, Operation operation, Random random) {
        boolean blank = random.nextBoolean();
        draft.body = (blank ? " \n\t " : "").getBytes(StandardCharsets.UTF_8);
        draft.what = blank ? "a body of white space" : "an empty body";
    }

    static void wrongContentType(Draft draft, Operation operation, Random random) {
        List<String[]> candidates = new ArrayList<>(List.of(
                new String[] {"text/plain", new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"application/xml", "<comment><text>x</text></comment>"},
                new String[] {"multipart/form-data; boundary=accord", "--accord\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n" + new String(draft.body, StandardCharsets.UTF_8)
                        + "\r\n--accord--\r\n"},
                new String[] {"application/x-www-form-urlencoded", "a=1&b=2"},
                new String[] {"text/csv", "a,b,c\n1,2,3\n"},
                new String[] {"application/octet-stream", new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"image/png", "\u0089PNG"},
                new String[] {"text/html", "<html></html>"},
                new String[] {null, new String(draft.body, StandardCharsets.UTF_8)},
                new String[] {"not a media type", new String(draft.body, StandardCharsets.UTF_8)}));
        candidates.removeIf(c -> c[0] != null && operation.body().accepts(c[0]));
        String[] chosen = candidates.get(random.nextInt(candidates.size()));
        draft.contentType = chosen[0];
        draft.body = chosen[1].getBytes(StandardCharsets.UTF_8);
        draft.what = "content type " + chosen[0];
    }

    static void oversizedBody(Draft draft, Operation operation, Random random) {
        if (random.nextBoolean() && operation.body().acceptsJson()) {
            JsonNode root = JsonBody.of(draft);
            String padding = "y".repeat(OVERSIZED_BODY);
            List<Slot> strings = JsonBody.slots(root, operation.body().jsonSchema()).stream()
                    .filter(s -> "string".equals(Schemas.typeOf(s.schema()))).toList();
            if (!strings.isEmpty()) {
                draft.body = strings.get(random.nextInt(strings.size())).replace(root, "\"" + padding + "\"");
            } else {
                draft.body = ("{\"padding\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            draft.what = "a JSON body of " + draft.body.length + " bytes";
        } else {
            byte[] bytes = new byte[OVERSIZED_BODY];
            random.nextBytes(bytes);
            draft.body = bytes;
            draft.what = "a body of " + bytes.length + " random bytes";
        }
    }

    /** Junk in one of the non-JSON media types the operation takes (CSV, a workbook, ...). */
    static void malformedFile(Draft draft, Operation operation, Random random) {
        List<String> types = operation.body().content().keySet().stream().filter(type -> !Operation.RequestBody.isJson(type)).toList();
        draft.contentType = types.get(random.nextInt(types.size()));
        int variant = random.nextInt(6);
        byte[] bytes;
        switch (variant) {
            case 0 -> {
                bytes = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(bytes);
                draft.what = "random bytes";
            }
            case 1 -> {
                byte[] tail = new byte[20 + random.nextInt(500)];
                random.nextBytes(tail);
                bytes = Junk.concat(new byte[] {'P', 'K', 3, 4}, tail);
                draft.what = "a broken zip (workbook) archive";
            }
            case 2 -> {
                bytes = ("\uFEFF\"a,b\n\"c,\"d" + Junk.unicode(random, 20)).getBytes(StandardCharsets.UTF_8);
                draft.what = "unbalanced quotes";
            }
            case 3 -> {
                bytes = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
                draft.what = "columns of another table";
            }
            case 4 -> {
                bytes = new byte[] {(byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n'};
                draft.what = "invalid UTF-8";
            }
            default -> {
                bytes = ("x,".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8);
                draft.what = "a row of 5,000 cells";
            }
        }
        draft.body = bytes;
        draft.what += " as " + draft.contentType;
    }
}
