package dev.tributary.localstack.demo;

import java.util.Map;

/**
 * What a sample must produce at each stage if nothing is lost: the demo compares every count it observes with these.
 *
 * @param requests       HTTP requests sent (every one is answered 200: the collector records, it does not judge)
 * @param rawRecords     records on the raw topic (every request but the oversized one, which the collector turns into
 *                       a bad row itself)
 * @param goodEvents     events that become enriched events, and rows of {@code atomic.events}
 * @param badRowsByType  bad rows by bad-row schema name ({@code schema_violations}, ...)
 * @param entityRows     rows expected in each entity (context or self-describing event) table, by table name
 */
public record Expectation(int requests, int rawRecords, int goodEvents, Map<String, Integer> badRowsByType,
                          Map<String, Integer> entityRows) {

    public Expectation {
        badRowsByType = Map.copyOf(badRowsByType);
        entityRows = Map.copyOf(entityRows);
    }

    public int badRows() {
        return badRowsByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Lines the shredder writes: one per atomic event and one per entity (each entity table's rows). */
    public int shreddedLines() {
        return goodEvents + entityRows.values().stream().mapToInt(Integer::intValue).sum();
    }
}
