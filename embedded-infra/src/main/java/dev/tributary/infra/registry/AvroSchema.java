package dev.tributary.infra.registry;

import org.apache.avro.Schema;

/**
 * A parsed Avro schema with its canonical text. Like Confluent, two registrations are "the same schema" when
 * their canonical texts are equal, so whitespace and formatting differences never create a new version.
 */
record AvroSchema(Schema schema, String canonical) {

    static final String TYPE = "AVRO";

    static AvroSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        try {
            // A fresh parser each time: a Parser remembers named types and would reject a redefinition.
            Schema schema = new Schema.Parser().parse(text);
            return new AvroSchema(schema, schema.toString());
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema(e.getMessage());
        }
    }
}
