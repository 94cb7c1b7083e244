package dev.tributary.enrich.adapter;

import dev.tributary.schemas.badrows.NameValue;
import dev.tributary.schemas.badrows.RawEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tracker event an adapter extracted from a request: tracker protocol parameters (string to string, in the
 * order they arrived) plus the request they came from.
 */
public record AdapterEvent(Map<String, String> parameters, RequestPayload request) {

    public AdapterEvent {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(request, "request");
    }

    /** The {@code raw} part of schema_violations and enrichment_failures bad rows. */
    public RawEvent toBadRowRaw() {
        List<NameValue> params = parameters.entrySet().stream()
                .map(e -> new NameValue(e.getKey(), e.getValue())).toList();
        var source = request.source();
        return new RawEvent(request.vendor(), request.version(), params, source.getContentType(), "thrift",
                source.getEncoding(), source.getHostname(), source.getTimestamp(), source.getIpAddress(),
                source.getUserAgent(), source.getRefererUri(), source.getHeaders(), source.getNetworkUserId());
    }
}
