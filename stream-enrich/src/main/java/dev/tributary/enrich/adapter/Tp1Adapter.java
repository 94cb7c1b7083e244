package dev.tributary.enrich.adapter;

import dev.tributary.enrich.mapping.Querystring;

import dev.tributary.schemas.badrows.FailureMessage;
import java.util.List;
import java.util.Map;

/** Tracker protocol v1: {@code GET /i} (or {@code /ice.png}) with every parameter in the querystring. */
public final class Tp1Adapter implements Adapter {

    /** Snowplow reports tracker_protocol_violations for tp2 and r/tp2 only; a tp1 failure is an adapter_failures. */
    @Override
    public boolean isTrackerProtocol() {
        return false;
    }

    @Override
    public AdapterResult adapt(RequestPayload request) {
        Map<String, String> params = Querystring.toMap(request.querystring());
        if (params.isEmpty()) {
            return AdapterResult.failure(new FailureMessage.InputData("querystring", null,
                    "empty querystring: tracker protocol v1 sends every parameter in the querystring"));
        }
        return AdapterResult.events(List.of(new AdapterEvent(params, request)));
    }
}
