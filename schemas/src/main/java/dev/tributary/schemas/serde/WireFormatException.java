package dev.tributary.schemas.serde;

import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes are not a readable Confluent wire-format Avro value. Carries the raw bytes so the
 * caller can keep the record as a bad row instead of dropping it or crashing the consumer.
 */
public final class WireFormatException extends SerializationException {

    /** What is wrong with the bytes. */
    public enum Reason {
        /** The first byte is not the wire-format magic byte 0. */
        WRONG_MAGIC_BYTE,
        /** Fewer bytes than the header, or the Avro body ends early. */
        TRUNCATED,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The body does not decode with the writer schema, or does not fit the reader type. */
        UNREADABLE
    }

    private final Reason reason;
    private final String topic;
    private final transient byte[] rawBytes;

    public WireFormatException(Reason reason, String topic, byte[] rawBytes, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.topic = topic;
        this.rawBytes = rawBytes == null ? new byte[0] : rawBytes.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The topic the record came from, if known. */
    public String topic() {
        return topic;
    }

    /** A copy of the record's bytes, exactly as read. */
    public byte[] rawBytes() {
        return Arrays.copyOf(rawBytes, rawBytes.length);
    }
}
