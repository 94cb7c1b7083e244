package dev.tributary.enrich.adapter;

import dev.tributary.enrich.mapping.Querystring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.NameValue;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Iglu webhook ({@code /com.snowplowanalytics.iglu/v1}): any system that can make an HTTP request sends a
 * self-describing event. GET: {@code schema=iglu:...} plus the event's properties in the querystring. POST: a JSON
 * body (self-describing, or plain data with {@code schema} in the querystring) or a form body with {@code schema}
 * in the querystring. The platform defaults to {@code app}; {@code p=srv} (or any valid platform) overrides it.
 */
public final class IgluAdapter implements Adapter {

    static final String TRACKER_VERSION = "com.snowplowanalytics.iglu-v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BoundedJsonReader reader;

    public IgluAdapter() {
        this(BoundedJsonReader.withDefaultDepth());
    }

    public IgluAdapter(BoundedJsonReader reader) {
        this.reader = java.util.Objects.requireNonNull(reader, "reader");
    }

    @Override
    public boolean isTrackerProtocol() {
        return false;
    }

    @Override
    public AdapterResult adapt(RequestPayload request) {
        Map<String, String> qs = Querystring.toMap(request.querystring());
        String body = request.body();
        String platform = qs.getOrDefault("p", "app");
        String schemaParam = qs.get("schema");
        if (body == null || body.isEmpty()) {
            if (schemaParam == null || schemaParam.isEmpty()) {
                return AdapterResult.failure(new FailureMessage.InputData("schema", null,
                        "empty `schema` field: a GET needs schema=iglu:vendor/name/jsonschema/version"));
            }
            ObjectNode data = JSON.createObjectNode();
            qs.forEach((name, value) -> {
                if (!name.equals("schema") && !name.equals("p")) {
                    data.put(name, value);
                }
            });
            return event(request, schemaParam, data, platform);
        }
        String contentType = request.contentType() == null ? "" : request.contentType();
        if (contentType.startsWith("application/json")) {
            JsonNode json;
            try {
                json = reader.read(body);
            } catch (JsonProcessingException e) {
                return AdapterResult.failure(new FailureMessage.NotJson("body", body, reader.describe(e)));
            }
            if (schemaParam != null && !schemaParam.isEmpty()) {
                return event(request, schemaParam, json, platform);
            }
            try {
                SelfDescribingJson sd = SelfDescribingJson.parse(json);
                return event(request, sd.schema().toUri(), sd.data(), platform);
            } catch (IgluParseException e) {
                return AdapterResult.failure(FailureMessage.NotIglu.of(json, e));
            }
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            if (schemaParam == null || schemaParam.isEmpty()) {
                return AdapterResult.failure(new FailureMessage.InputData("schema", null,
                        "empty `schema` field: a form POST needs schema=iglu:... in the querystring"));
            }
            ObjectNode data = JSON.createObjectNode();
            List<NameValue> form;
            try {
                form = Querystring.parse(body, request.charset());
            } catch (IllegalArgumentException e) {
                return AdapterResult.failure(new FailureMessage.InputData("body", body,
                        "form body is not valid urlencoded text: " + e.getMessage()));
            }
            Querystring.toMap(form).forEach(data::put);
            return event(request, schemaParam, data, platform);
        }
        return AdapterResult.failure(new FailureMessage.InputData("contentType", request.contentType(),
                "expected application/json or application/x-www-form-urlencoded"));
    }

    private static AdapterResult event(RequestPayload request, String schemaUri, JsonNode data, String platform) {
        SchemaKey key;
        try {
            key = SchemaKey.parse(schemaUri);
        } catch (IgluParseException e) {
            return AdapterResult.failure(new FailureMessage.InputData("schema", schemaUri,
                    "not a valid Iglu schema URI: " + e.getMessage()));
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("schema", RedirectAdapter.UNSTRUCT);
        envelope.set("data", new SelfDescribingJson(key, data).toJson());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("tv", TRACKER_VERSION);
        params.put("e", "ue");
        params.put("p", platform);
        params.put("ue_pr", envelope.toString());
        return AdapterResult.events(List.of(new AdapterEvent(params, request)));
    }
}
