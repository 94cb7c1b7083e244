package dev.tributary.enrich.adapter;

import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.badrows.CollectorPayloadData;
import dev.tributary.schemas.badrows.NameValue;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * A collector payload that passed the loader checks: its adapter coordinates ({@code vendor}, {@code version})
 * taken from the path, and its querystring already decoded.
 */
public record RequestPayload(String vendor, String version, List<NameValue> querystring, CollectorPayload source,
                             Charset charset) {

    public RequestPayload {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        querystring = List.copyOf(querystring);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(charset, "charset");
    }

    public String body() {
        return source.getBody();
    }

    public String contentType() {
        return source.getContentType();
    }

    /** The payload as adapter_failures and tracker_protocol_violations bad rows show it. */
    public CollectorPayloadData toBadRowPayload() {
        return new CollectorPayloadData(vendor, version, querystring, source.getContentType(), source.getBody(),
                source.getCollector(), source.getEncoding(), source.getHostname(), source.getTimestamp(),
                source.getIpAddress(), source.getUserAgent(), source.getRefererUri(), source.getHeaders(),
                source.getNetworkUserId());
    }
}
