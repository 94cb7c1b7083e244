package dev.tributary.loader.testing;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.enriched.EnrichedTsv;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** Enriched TSV lines numbered through event_id, so every line can be counted back. */
public final class TsvLines {

    private TsvLines() {
    }

    public static String line(long seq, Instant collectorTime) {
        String[] fields = new String[EnrichedField.COUNT];
        Arrays.fill(fields, "");
        fields[EnrichedField.APP_ID.position()] = "test-app";
        fields[EnrichedField.COLLECTOR_TSTAMP.position()] = EnrichedTsv.formatTimestamp(collectorTime);
        fields[EnrichedField.EVENT_ID.position()] = new UUID(0, seq).toString();
        fields[EnrichedField.SE_LABEL.position()] = "label-" + seq;
        return String.join("\t", fields);
    }

    public static long seq(String line) {
        String eventId = line.split("\t", -1)[EnrichedField.EVENT_ID.position()];
        return UUID.fromString(eventId).getLeastSignificantBits();
    }
}
