package dev.tributary.trigger.run;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * {@code YYYY-MM-DD-hh-mm-ss} in the runner host's local time, as EmrEtlRunner's {@code Time.new.strftime} wrote it;
 * {@code etlTimestamp} is the same instant, which the shredder stamps into {@code etl_tstamp}.
 */
public record RunId(String value, Instant etlTimestamp) implements Comparable<RunId> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");

    public static RunId now(Clock clock) {
        Instant now = clock.instant();
        return new RunId(LocalDateTime.ofInstant(now, clock.getZone()).format(FORMAT), now);
    }

    /** A run id read back from a {@code run=} folder name, in the given zone. */
    public static RunId parse(String value, ZoneId zone) {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a run id: " + value);
        }
        return new RunId(value, LocalDateTime.parse(value, FORMAT).atZone(zone).toInstant());
    }

    public static boolean looksLikeRunId(String value) {
        return SHAPE.matcher(value).matches();
    }

    /** The folder name under enriched.good, shredded.good and the archives. */
    public String folderName() {
        return "run=" + value;
    }

    @Override
    public int compareTo(RunId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
