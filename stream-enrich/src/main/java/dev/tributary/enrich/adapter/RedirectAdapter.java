package dev.tributary.enrich.adapter;

import dev.tributary.enrich.mapping.Querystring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.badrows.FailureMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /r/tp2?u=<target>&...}: a click the collector redirected, turned into a link_click self-describing
 * event. The other querystring parameters are ordinary tracker parameters.
 */
public final class RedirectAdapter implements Adapter {

    static final String LINK_CLICK = "iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1";
    static final String UNSTRUCT = "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean isTrackerProtocol() {
        return true;
    }

    @Override
    public AdapterResult adapt(RequestPayload request) {
        Map<String, String> qs = Querystring.toMap(request.querystring());
        String target = qs.get("u");
        if (target == null || target.isEmpty()) {
            return AdapterResult.failure(new FailureMessage.InputData("querystring",
                    request.source().getQuerystring(), "missing `u` parameter: not a valid URI redirect"));
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("schema", UNSTRUCT);
        ObjectNode inner = envelope.putObject("data");
        inner.put("schema", LINK_CLICK);
        inner.putObject("data").put("targetUrl", target);

        Map<String, String> params = new LinkedHashMap<>();
        params.put("e", "ue");
        params.put("tv", "r-tp2");
        params.put("p", "web");
        qs.forEach((name, value) -> {
            if (!name.equals("u")) {
                params.put(name, value);
            }
        });
        params.put("e", "ue");
        params.put("ue_pr", envelope.toString());
        params.remove("ue_px");
        return AdapterResult.events(List.of(new AdapterEvent(params, request)));
    }
}
