package dev.tributary.warehouse.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What loading one run into one target did. */
public sealed interface LoadOutcome {

    String base();

    /** The run was committed now. {@code rowsPerTable} counts inserted rows, duplicates excluded. */
    record Loaded(String base, Map<String, Long> rowsPerTable, long eventsSkippedDuplicates, Duration took)
            implements LoadOutcome {
        public Loaded {
            rowsPerTable = Map.copyOf(rowsPerTable);
        }
    }

    /** The manifest already had the run: nothing was done. */
    record AlreadyLoaded(String base, Instant loadedAt) implements LoadOutcome {
    }
}
