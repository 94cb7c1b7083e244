package dev.tributary.runtime.logging;

import java.util.Locale;
import java.util.Optional;

/** The two line formats a service can log in; chosen with {@code TRIBUTARY_LOG_FORMAT}. */
public enum LogFormat {
    /** {@code key=value} pairs, values quoted and escaped where needed (the default). */
    LOGFMT,
    /** One JSON object per line. */
    JSON;

    /** {@code logfmt} (alias {@code kv}) or {@code json}, any case; empty for anything else. */
    public static Optional<LogFormat> parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "logfmt", "kv", "" -> Optional.of(LOGFMT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
