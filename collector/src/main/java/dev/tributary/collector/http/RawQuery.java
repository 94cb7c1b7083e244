package dev.tributary.collector.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request target split into path and raw query string, and lenient reads of single parameters. The query
 * string is recorded as received, so a parameter that cannot be decoded is left for enrich to judge instead
 * of failing the request here.
 */
record RawQuery(String path, String query) {

    /**
     * Netty hands the request line over as ISO-8859-1 characters; any byte above 0x7F (not legal in a URI,
     * but sent by some clients) is percent-encoded so the recorded query string is ASCII and still names the
     * exact bytes received.
     */
    static RawQuery parse(String uri) {
        String target = uri;
        if (!target.startsWith("/")) {
            // Absolute form (proxies): http://host:port/path?query
            int scheme = target.indexOf("://");
            int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : escapeHighBytes(target.substring(q + 1));
        return new RawQuery(decodePath(escapeHighBytes(path)), query);
    }

    /** The first value of {@code name}, or empty if absent or not decodable as UTF-8. */
    Optional<String> param(String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> decodedKey = decode(key);
            if (decodedKey.isPresent() && decodedKey.get().equals(name)) {
                return eq < 0 ? Optional.of("") : decode(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** The request target with {@code name=value} appended to its query string. */
    String withParam(String name, String value) {
        String pair = name + "=" + value;
        return path + "?" + (query == null || query.isEmpty() ? pair : query + "&" + pair);
    }

    /** Strict form decoding: '+' is a space, %XX must be well formed and the bytes valid UTF-8. */
    static Optional<String> decode(String s) {
        if (isPlainAscii(s)) {
            // Most keys and many values need no decoding; this runs for every parameter of every request.
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                bytes.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+' || c > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String decodePath(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        // '+' is literal in a path; decode only %XX, keep the raw path when it is not decodable.
        return decode(path.replace("+", "%2B")).orElse(path);
    }

    private static String escapeHighBytes(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7F || c < 0x20) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
