package dev.tributary.runtime.logging;

import dev.tributary.runtime.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One log event as ordered fields, and its two renderings. Kept apart from logback so the escaping rules are
 * tested as plain functions.
 *
 * <p>logfmt rules: a key keeps letters, digits, {@code _ . -} (anything else becomes {@code _}); a value is
 * written bare unless it is empty or holds a space, {@code =}, {@code "}, {@code \}, or a control character, in
 * which case it is double-quoted with {@code \\ \" \n \r \t} and {@code \}{@code uXXXX} escapes. One event is
 * always one line, stack traces included.
 */
public final class LogLine {

    /** Fields the layout writes itself; an event's own key-value pair or MDC entry of that name gets a {@code _}. */
    static final Set<String> RESERVED = Set.of("ts", "level", "logger", "thread", "msg", "error", "stack");

    /**
     * The longest value written, in characters: a runaway message or a deep recursion's stack trace is cut here
     * rather than producing a line no shipper accepts (most cap lines at 16 to 256 KiB).
     */
    public static final int MAX_VALUE = 16 * 1024;
    static final String TRUNCATED = "...(truncated)";

    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Adds a field the layout owns (never renamed). */
    LogLine fixed(String key, String value) {
        fields.put(key, bounded(value));
        return this;
    }

    private static String bounded(String value) {
        return value != null && value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + TRUNCATED : value;
    }

    /** Adds a field from the event (key-value pair, MDC): renamed if it would hide a fixed field or an earlier one. */
    public LogLine extra(String key, String value) {
        String k = sanitiseKey(key);
        while (RESERVED.contains(k) || fields.containsKey(k)) {
            k = "_" + k;
        }
        fields.put(k, bounded(value));
        return this;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public String logfmt() {
        StringBuilder sb = new StringBuilder(128);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=');
            appendLogfmtValue(sb, e.getValue());
        }
        return sb.toString();
    }

    public String json() {
        StringBuilder sb = new StringBuilder(160).append('{');
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            JsonText.appendQuoted(sb, e.getKey());
            sb.append(':');
            JsonText.appendQuoted(sb, e.getValue() == null ? "" : e.getValue());
        }
        return sb.append('}').toString();
    }

    static String sanitiseKey(String key) {
        if (key == null || key.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }

    static void appendLogfmtValue(StringBuilder sb, String value) {
        String v = value == null ? "" : value;
        if (!needsQuotes(v)) {
            sb.append(v);
            return;
        }
        JsonText.appendQuoted(sb, v);
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty()) {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= ' ' || c == '=' || c == '"' || c == '\\' || c == 0x7f || Character.isSpaceChar(c)
                    || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
