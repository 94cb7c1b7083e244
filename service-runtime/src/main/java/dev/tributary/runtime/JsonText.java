package dev.tributary.runtime;

/**
 * JSON string quoting for the two places the runtime writes JSON (health bodies, JSON log lines): small enough
 * not to pull a JSON library into every service's start-up path.
 */
public final class JsonText {

    private JsonText() {
    }

    /** {@code s} as a JSON string literal, quotes included; {@code null} as {@code null}. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string literal; logfmt's quoted values use the same escapes. */
    public static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Control characters and DEL (a terminal reading the logfmt form would act on them), and
                    // U+2028/2029, which some JavaScript-based parsers treat as newlines.
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
