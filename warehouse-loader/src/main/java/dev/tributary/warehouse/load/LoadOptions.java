package dev.tributary.warehouse.load;

import java.time.Duration;

/**
 * @param dedupLookback  how far back (in collector_tstamp, before the run's earliest event) an already loaded
 *                       (event_id, event_fingerprint) makes an event a duplicate; zero turns cross-run
 *                       deduplication off
 * @param analyze        ANALYZE every loaded table after the commit
 * @param vacuum         VACUUM them too (after the commit: neither warehouse vacuums inside a transaction)
 * @param allowedRejects rows the warehouse may drop on its own (Redshift's MAXERROR); 0 for PostgreSQL
 */
public record LoadOptions(Duration dedupLookback, boolean analyze, boolean vacuum, long allowedRejects) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

    public LoadOptions withAllowedRejects(long rejects) {
        return new LoadOptions(dedupLookback, analyze, vacuum, rejects);
    }
}
