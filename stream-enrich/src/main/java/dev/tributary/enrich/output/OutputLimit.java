package dev.tributary.enrich.output;

/**
 * The largest record stream-enrich writes, counted on the serialised key and value. It sits below the producer's
 * {@code max.request.size} by {@link #RECORD_OVERHEAD_BYTES}, which covers what Kafka adds around one record (the
 * record batch header is 61 bytes, the record's own framing at most 21, the {@code tributary.source} header about
 * 50; the rest is margin), so a record that passes here is never refused by the producer for its size.
 *
 * @param maxRecordBytes largest key + value in bytes
 */
public record OutputLimit(int maxRecordBytes) {

    public static final int RECORD_OVERHEAD_BYTES = 1024;
    /** Kafka's default {@code max.request.size}. */
    public static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;
    /** Below this a size_violation bad row with a useful prefix of the payload no longer fits. */
    public static final int MIN_RECORD_BYTES = 4096;

    public OutputLimit {
        if (maxRecordBytes < MIN_RECORD_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes must be >= " + MIN_RECORD_BYTES + ", got "
                    + maxRecordBytes);
        }
    }

    /** The limit derived from a producer's {@code max.request.size}. */
    public static OutputLimit forMaxRequestSize(int maxRequestSize) {
        return new OutputLimit(maxRequestSize - RECORD_OVERHEAD_BYTES);
    }

    public static OutputLimit kafkaDefault() {
        return forMaxRequestSize(KAFKA_DEFAULT_MAX_REQUEST_SIZE);
    }

    /**
     * Characters of an oversized payload a size_violation bad row keeps: a tenth of the limit, as Snowplow does.
     * Even if JSON escaping turned every character into six bytes ({@code \\u0001}), the row stays under the limit.
     */
    public int payloadChars() {
        return maxRecordBytes / 10;
    }

    public static int sizeOf(byte[] key, byte[] value) {
        return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }

    public boolean fits(byte[] key, byte[] value) {
        return sizeOf(key, value) <= maxRecordBytes;
    }
}
