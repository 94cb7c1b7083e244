package dev.tributary.enrich.enrichments;

import dev.tributary.schemas.badrows.FailureMessage;

/** An enrichment could not process one event. The event is not lost: it becomes an enrichment_failures bad row. */
public class EnrichmentException extends Exception {

    private final transient FailureMessage.EnrichmentMessage failureMessage;

    public EnrichmentException(String message) {
        this(message, (Throwable) null);
    }

    public EnrichmentException(String message, Throwable cause) {
        super(message, cause);
        this.failureMessage = new FailureMessage.SimpleError(message);
    }

    /** A failure with a precise bad-row message, e.g. {@link FailureMessage.InputData} naming the field. */
    public EnrichmentException(FailureMessage.EnrichmentMessage failureMessage) {
        super(describe(failureMessage));
        this.failureMessage = failureMessage;
    }

    /** What the enrichment_failures row says about this failure. */
    public FailureMessage.EnrichmentMessage failureMessage() {
        return failureMessage;
    }

    /** A field of the event did not meet the enrichment's expectation. */
    public static EnrichmentException inputData(String field, String value, String expectation) {
        return new EnrichmentException(new FailureMessage.InputData(field, value, expectation));
    }

    private static String describe(FailureMessage.EnrichmentMessage message) {
        if (message instanceof FailureMessage.InputData in) {
            return in.field() + ": " + in.expectation();
        }
        if (message instanceof FailureMessage.SimpleError se) {
            return se.error();
        }
        return String.valueOf(message);
    }
}
