package dev.tributary.enrich.enrichments;

/** An enrichment could not process one event. The event is not lost: it becomes an enrichment_failures bad row. */
public class EnrichmentException extends Exception {

    public EnrichmentException(String message) {
        super(message);
    }

    public EnrichmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
