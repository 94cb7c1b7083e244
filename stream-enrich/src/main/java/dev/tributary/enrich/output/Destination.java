package dev.tributary.enrich.output;

/** The outputs of stream-enrich; {@link #label()} is the closed set used in metric tags and logs. */
public enum Destination {
    ENRICHED("enriched"), BAD("bad"), PII("pii"), ENRICHED_AVRO("enriched_avro");

    private final String label;

    Destination(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
