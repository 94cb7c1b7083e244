package dev.tributary.warehouse.load;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Cross-run deduplication inside the load transaction, replacing Snowplow's DynamoDB duplicate-tracking table:
 * an event of the run whose (event_id, event_fingerprint) is already in atomic.events with a collector_tstamp no
 * older than the lookback window before the run's earliest event is a duplicate. Duplicates are collected in a
 * temporary table, removed from the events' staging table and, by (root_id, root_tstamp), from every entity
 * staging table, so neither the event nor its contexts are inserted twice. Events without a fingerprint are
 * never duplicates, as in Snowplow (which gives them a random one). Plain SQL that PostgreSQL and Redshift both
 * run.
 */
public final class Deduplication {

    public static final String DUPLICATES_TABLE = "tributary_duplicates";

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Duration lookback;

    public Deduplication(Duration lookback) {
        this.lookback = lookback;
    }

    public boolean enabled() {
        return !lookback.isZero() && !lookback.isNegative();
    }

    public Duration lookback() {
        return lookback;
    }

    public static String minCollectorTstamp(String stagingEvents) {
        return "SELECT MIN(collector_tstamp) FROM " + stagingEvents;
    }

    /** @param earliest the earliest collector_tstamp among the run's events */
    public String findDuplicates(String eventsTable, String stagingEvents, Instant earliest) {
        String bound = LocalDateTime.ofInstant(earliest.minus(lookback), ZoneOffset.UTC).format(LITERAL);
        return "CREATE TEMPORARY TABLE " + DUPLICATES_TABLE + " AS\n"
                + "SELECT DISTINCT s.event_id, s.event_fingerprint, s.collector_tstamp\n"
                + "FROM " + stagingEvents + " s\n"
                + "JOIN " + eventsTable + " e ON e.event_id = s.event_id AND e.event_fingerprint = s.event_fingerprint\n"
                + "WHERE e.collector_tstamp >= TIMESTAMP '" + bound + "'";
    }

    public static String deleteDuplicateEvents(String stagingEvents) {
        return "DELETE FROM " + stagingEvents + " USING " + DUPLICATES_TABLE + " d\n"
                + "WHERE " + stagingEvents + ".event_id = d.event_id"
                + " AND " + stagingEvents + ".event_fingerprint = d.event_fingerprint";
    }

    public static String deleteDuplicateEntities(String stagingEntities) {
        return "DELETE FROM " + stagingEntities + " USING " + DUPLICATES_TABLE + " d\n"
                + "WHERE " + stagingEntities + ".root_id = d.event_id"
                + " AND " + stagingEntities + ".root_tstamp = d.collector_tstamp";
    }
}
