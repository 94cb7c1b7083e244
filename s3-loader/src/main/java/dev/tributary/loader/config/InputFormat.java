package dev.tributary.loader.config;

/** How ENRICHED_EVENTS records are encoded on the topic. */
public enum InputFormat {
    TSV,
    /** Confluent wire-format Avro {@code EnrichedEvent}; needs {@code input.schema-registry-url}. */
    AVRO
}
