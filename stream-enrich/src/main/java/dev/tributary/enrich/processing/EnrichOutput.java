package dev.tributary.enrich.processing;

import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.BadRow;

/** One record stream-enrich writes for a raw payload: a good event, a bad row, or a pii_transformation event. */
public sealed interface EnrichOutput {

    /** An enriched event and its 131-field TSV line. */
    record Good(EnrichedEvent event, String tsv) implements EnrichOutput {
    }

    record Bad(BadRow row) implements EnrichOutput {
    }

    /** The pii_transformation event the PII enrichment emitted for a good event, as enriched TSV. */
    record Pii(EnrichedEvent event, String tsv) implements EnrichOutput {
    }
}
