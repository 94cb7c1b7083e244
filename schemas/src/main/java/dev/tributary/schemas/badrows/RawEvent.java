package dev.tributary.schemas.badrows;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event as an adapter extracted it from a collector payload, before enrichment (the {@code raw} part of
 * schema_violations and enrichment_failures payloads). {@code loaderName} is the raw format, e.g. "thrift";
 * {@code userId} is the network user id (a UUID when present). Nullable: parameters, contentType, hostname,
 * timestamp, ipAddress, useragent, refererUri, headers, userId.
 */
public record RawEvent(String vendor, String version, List<NameValue> parameters, String contentType,
                       String loaderName, String encoding, String hostname, Instant timestamp, String ipAddress,
                       String useragent, String refererUri, List<String> headers, String userId) {

    public RawEvent {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(loaderName, "loaderName");
        Objects.requireNonNull(encoding, "encoding");
        parameters = parameters == null ? null : List.copyOf(parameters);
        headers = headers == null ? null : List.copyOf(headers);
    }
}
