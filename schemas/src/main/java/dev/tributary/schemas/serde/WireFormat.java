package dev.tributary.schemas.serde;

import java.nio.ByteBuffer;

/**
 * Confluent's framing of a registry-described value: magic byte 0, the schema id as a big-endian
 * 32-bit integer, then the Avro binary encoding. Kept byte-compatible so Confluent's own consumers,
 * Kafka Connect and ksqlDB read our topics.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the five header bytes for {@code schemaId} at the start of {@code target}. */
    public static void writeHeader(int schemaId, byte[] target) {
        target[0] = MAGIC_BYTE;
        ByteBuffer.wrap(target, 1, 4).putInt(schemaId);
    }

    /**
     * @return the schema id in the header of {@code bytes}
     * @throws WireFormatException when the bytes are too short or do not start with the magic byte
     */
    public static int schemaId(String topic, byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, topic, bytes,
                    "Record of " + bytes.length + " bytes is shorter than the " + HEADER_SIZE
                            + "-byte wire-format header", null);
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new WireFormatException(WireFormatException.Reason.WRONG_MAGIC_BYTE, topic, bytes,
                    "Record starts with byte " + (bytes[0] & 0xff) + ", expected magic byte 0", null);
        }
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }
}
