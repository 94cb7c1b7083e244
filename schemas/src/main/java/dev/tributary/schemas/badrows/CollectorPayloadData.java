package dev.tributary.schemas.badrows;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The collector payload as bad rows show it (payload of adapter_failures and tracker_protocol_violations):
 * the request the collector recorded plus the adapter ({@code vendor}, {@code version}) chosen from its path.
 * Named apart from the Avro {@code CollectorPayload} so both can be used in one file.
 * Nullable: querystring, contentType, body, hostname, timestamp, ipAddress, useragent, refererUri, headers,
 * networkUserId (a UUID when present).
 */
public record CollectorPayloadData(String vendor, String version, List<NameValue> querystring, String contentType,
                                   String body, String collector, String encoding, String hostname,
                                   Instant timestamp, String ipAddress, String useragent, String refererUri,
                                   List<String> headers, String networkUserId) {

    public CollectorPayloadData {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(encoding, "encoding");
        querystring = querystring == null ? null : List.copyOf(querystring);
        headers = headers == null ? null : List.copyOf(headers);
    }
}
