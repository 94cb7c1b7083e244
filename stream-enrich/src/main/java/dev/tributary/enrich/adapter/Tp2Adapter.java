package dev.tributary.enrich.adapter;

import dev.tributary.enrich.mapping.Querystring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tracker protocol v2: {@code POST /com.snowplowanalytics.snowplow/tp2} with a {@code payload_data} body holding a
 * batch of events, or a GET with the event in the querystring. Querystring parameters are merged into every event
 * of the body and win on a clash.
 */
public final class Tp2Adapter implements Adapter {

    /** Exactly the content types Snowplow's enrich accepts for a tp2 body. */
    public static final Set<String> CONTENT_TYPES =
            Set.of("application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8");

    static final SchemaCriterion PAYLOAD_DATA =
            SchemaCriterion.parse("iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*");

    private final Resolver resolver;
    private final BoundedJsonReader json;

    public Tp2Adapter(Resolver resolver) {
        this(resolver, BoundedJsonReader.withDefaultDepth());
    }

    public Tp2Adapter(Resolver resolver, BoundedJsonReader json) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public boolean isTrackerProtocol() {
        return true;
    }

    @Override
    public AdapterResult adapt(RequestPayload request) {
        Map<String, String> qs = Querystring.toMap(request.querystring());
        String body = request.body();
        if (body == null || body.isEmpty()) {
            if (qs.isEmpty()) {
                return AdapterResult.failure(new FailureMessage.InputData("body", null,
                        "empty body and empty querystring: not a valid tracker protocol v2 request"));
            }
            return AdapterResult.events(List.of(new AdapterEvent(qs, request)));
        }
        String contentType = request.contentType();
        if (contentType == null || !CONTENT_TYPES.contains(contentType)) {
            return AdapterResult.failure(new FailureMessage.InputData("contentType", contentType,
                    "expected one of " + String.join(", ", List.of("application/json",
                            "application/json; charset=utf-8", "application/json; charset=UTF-8"))));
        }
        JsonNode json;
        try {
            json = this.json.read(body);
        } catch (JsonProcessingException e) {
            return AdapterResult.failure(new FailureMessage.NotJson("body", body, this.json.describe(e)));
        }
        SelfDescribingJson payload;
        try {
            payload = SelfDescribingJson.parse(json);
        } catch (IgluParseException e) {
            return AdapterResult.failure(FailureMessage.NotIglu.of(json, e));
        }
        if (!PAYLOAD_DATA.matches(payload.schema())) {
            return AdapterResult.failure(new FailureMessage.CriterionMismatch(payload.schema(), PAYLOAD_DATA));
        }
        ValidationResult validation = resolver.validate(payload);
        if (!validation.isValid()) {
            return AdapterResult.failure(FailureMessage.IgluError.of(validation));
        }
        List<AdapterEvent> events = new ArrayList<>();
        for (JsonNode item : payload.data()) {
            Map<String, String> params = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                params.put(field.getKey(), field.getValue().asText());
            }
            params.putAll(qs);
            events.add(new AdapterEvent(params, request));
        }
        return AdapterResult.events(events);
    }
}
