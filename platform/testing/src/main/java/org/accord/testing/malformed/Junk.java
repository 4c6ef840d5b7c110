package org.accord.testing.malformed;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Random text for the mutations, and how requests are written and shown. */
final class Junk {

    private static final int[][] UNICODE_RANGES = {
            {0x20, 0x7E}, {0x00, 0x1F}, {0xA0, 0xFF}, {0x0400, 0x04FF}, {0x0600, 0x06FF}, {0x0300, 0x036F},
            {0x200B, 0x200F}, {0x202A, 0x202E}, {0x4E00, 0x9FFF}, {0xE000, 0xE0FF}, {0x1F600, 0x1F64F}, {0xFFF0, 0xFFFF}};

    private Junk() {
    }

    static String unicode(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = UNICODE_RANGES[random.nextInt(UNICODE_RANGES.length)];
            out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return out.toString();
    }

    static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().filter(c -> c > 0x20 && !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(out::appendCodePoint);
        return out.isEmpty() ? "\u00e9" : out.toString();
    }

    static String longString(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    static String capitalised(String name) {
        return name.isEmpty() ? "X" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Percent-encodes every byte outside the unreserved characters of RFC 3986. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static String abbreviate(String value, int max) {
        String single = value.replace("\n", "\\n").replace("\r", "\\r");
        return single.length() <= max ? single : single.substring(0, max) + "...(" + value.length() + " chars)";
    }
}
