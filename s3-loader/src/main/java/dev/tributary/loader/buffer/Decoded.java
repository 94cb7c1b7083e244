package dev.tributary.loader.buffer;

import dev.tributary.loader.key.SchemaGroup;

/** What one Kafka record becomes: a line for an object, or a reason it cannot be one. */
public sealed interface Decoded {

    /** @param line the bytes of the line without the newline; {@code eventTimeMillis} decides the folder */
    record Line(SchemaGroup group, long eventTimeMillis, byte[] line) implements Decoded {
    }

    /** @param payload the record as text, for the generic_error bad row */
    record Undecodable(String error, String payload) implements Decoded {
    }
}
