package dev.tributary.enrich.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/** Conversions of tracker parameter text, each throwing {@link IllegalArgumentException} with the expectation. */
final class Values {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIMENSIONS = Pattern.compile("(\\d+)x(\\d+)");
    // Redshift rejects timestamps outside years 0..9999, so Snowplow does too.
    private static final long MIN_MILLIS = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    private static final long MAX_MILLIS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    private Values() {
    }

    static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer");
        }
    }

    /** Integers that JavaScript trackers may send with a fraction (scroll offsets): truncated. */
    static Integer lenientInteger(String text) {
        try {
            return new BigDecimal(text.trim()).intValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }

    static Double decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            double d = value.doubleValue();
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("expected a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a decimal number");
        }
    }

    static Boolean flag(String text) {
        return switch (text) {
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected 0 or 1");
        };
    }

    static Instant millis(String text) {
        long ms;
        try {
            ms = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a timestamp in epoch milliseconds");
        }
        if (ms < MIN_MILLIS || ms > MAX_MILLIS) {
            throw new IllegalArgumentException("timestamp is not Redshift-compatible (year outside 0-9999)");
        }
        return Instant.ofEpochMilli(ms);
    }

    static boolean isUuid(String text) {
        return text != null && UUID_FORM.matcher(text).matches();
    }

    static String uuid(String text) {
        if (!isUuid(text)) {
            throw new IllegalArgumentException("expected a UUID");
        }
        return text.toLowerCase();
    }

    static int[] dimensions(String text) {
        var m = DIMENSIONS.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT");
        }
        try {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT within integer range");
        }
    }

    /** Base64url (RFC 4648 section 5), tolerating missing padding and the standard alphabet, decoded as UTF-8. */
    static String base64Url(String text) {
        String normalised = text.trim().replace('+', '-').replace('/', '_');
        int end = normalised.length();
        while (end > 0 && normalised.charAt(end - 1) == '=') {
            end--;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(normalised.substring(0, end)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected base64url-encoded JSON");
        }
    }

    static String newUuid() {
        return UUID.randomUUID().toString();
    }
}
