package dev.tributary.trigger.emr;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EmrEtlRunner's {@code --persistent-jobflow-duration} format: whole numbers with the units {@code d}, {@code h},
 * {@code m}, {@code s}, largest first and each at most once ({@code 1d12h}, {@code 6h}, {@code 30m}, {@code 2h30m}).
 * Anything else (fractions, spaces, {@code ms}, repeated or misordered units, zero) is refused, because a typo here
 * decides when a cluster is shut down.
 */
public final class JobflowDuration {

    public static final String OPTION = "--persistent-jobflow-duration";
    static final String EXPECTED = "expected a duration like 1d12h, 6h or 30m (whole numbers with units d, h, m, s, "
            + "largest first, above zero)";
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private JobflowDuration() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException(OPTION + ": " + EXPECTED + ", got \"" + text + "\"");
        }
        try {
            Duration d = Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3))
                    .plusSeconds(part(m, 4));
            if (d.isZero()) {
                throw new IllegalArgumentException(OPTION + ": " + EXPECTED + ", got \"" + text + "\"");
            }
            return d;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(OPTION + ": " + EXPECTED + ", got \"" + text + "\" (too large)");
        }
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
