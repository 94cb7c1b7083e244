package dev.tributary.schemas.enriched;

import java.util.regex.Pattern;

/**
 * Snowplow's rule for putting user text into an enriched TSV field: a tab becomes four spaces,
 * control characters (newlines included) are removed, and what is left empty counts as no value.
 * Applying it twice gives the same result as applying it once.
 */
public final class TsvSafe {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private TsvSafe() {
    }

    /** @return the TSV-safe text, or {@code null} for null or for text that is empty once cleaned */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        if (isClean(value)) {
            return value.isEmpty() ? null : value;
        }
        String cleaned = CONTROL.matcher(value.replace("\t", "    ")).replaceAll("");
        return cleaned.isEmpty() ? null : cleaned;
    }

    // The common case is clean text: checking first avoids two regex passes per field on the hot path.
    private static boolean isClean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
