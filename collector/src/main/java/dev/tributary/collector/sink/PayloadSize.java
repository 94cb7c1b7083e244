package dev.tributary.collector.sink;

import dev.tributary.schemas.avro.CollectorPayload;

/**
 * What one payload is charged against the sink's {@link ByteBudget}: the characters of its variable fields,
 * which is the size of the request as received (a body of n bytes decodes to at most n characters). The heap
 * it occupies until acknowledged is a small multiple of that (the strings, the Avro record, Kafka's batch).
 */
final class PayloadSize {

    /** The fixed fields (schema, timestamp, encoding, collector name, nuid) and object headers. */
    private static final int FIXED = 256;

    private PayloadSize() {
    }

    static long estimate(CollectorPayload p) {
        long n = FIXED + length(p.getIpAddress()) + length(p.getUserAgent()) + length(p.getRefererUri())
                + length(p.getPath()) + length(p.getQuerystring()) + length(p.getBody()) + length(p.getContentType())
                + length(p.getHostname());
        if (p.getHeaders() != null) {
            for (CharSequence h : p.getHeaders()) {
                n += length(h) + 2;
            }
        }
        return n;
    }

    private static int length(CharSequence s) {
        return s == null ? 0 : s.length();
    }
}
