package org.accord.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A text field of a request is text: a NUL character or half of a UTF-16 surrogate pair (JSON
 * allows {@code "\u0000"} and {@code "\ud800"} as escapes) is refused with 422 naming the field,
 * rather than stored and handed to every reader, feed and spreadsheet downstream.
 */
class StrictTextDeserializer extends StdScalarDeserializer<String> {

    StrictTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = StringDeserializer.instance.deserialize(parser, context);
        String problem = problemOf(text);
        if (problem != null) {
            throw new UnacceptableText(parser, problem, text);
        }
        return text;
    }

    /** What is wrong with the text, or null when it is plain Unicode text. */
    static String problemOf(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (\\u0000) at position " + i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains half of a surrogate pair (\\u" + Integer.toHexString(c) + ") at position " + i + ", which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains half of a surrogate pair (\\u" + Integer.toHexString(c) + ") at position " + i + ", which is not a character";
            }
        }
        return null;
    }

    /** A string that is well-formed JSON but not acceptable text: a 422, not a 400. */
    static final class UnacceptableText extends InvalidFormatException {
        UnacceptableText(JsonParser parser, String problem, String value) {
            super(parser, problem, value, String.class);
        }
    }
}
