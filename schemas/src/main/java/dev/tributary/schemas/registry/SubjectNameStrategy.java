package dev.tributary.schemas.registry;

import org.apache.avro.Schema;

/** Chooses the registry subject a record's schema is registered under. */
@FunctionalInterface
public interface SubjectNameStrategy {

    String subject(String topic, boolean isKey, Schema schema);

    /** Confluent's default: {@code <topic>-key} or {@code <topic>-value}, one schema lineage per topic. */
    SubjectNameStrategy TOPIC_NAME = (topic, isKey, schema) -> topic + (isKey ? "-key" : "-value");

    /** {@code <record full name>}: one lineage per record type, shared across topics. */
    SubjectNameStrategy RECORD_NAME = (topic, isKey, schema) -> schema.getFullName();
}
