package dev.tributary.collector.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SizeViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fits one request into Kafka records of at most {@code maxRecordBytes}, as Snowplow's {@code SplitBatch}: a
 * payload that fits is one record; an oversized POST whose body is self-describing JSON with a {@code data}
 * array is split greedily into several payloads carrying the same schema; every event too large on its own,
 * and every oversized payload that cannot be split, becomes one {@code size_violation} bad row.
 */
public final class PayloadSplitter {

    /** A payload and its serialised bytes (Confluent wire format), ready for the raw topic. */
    public record Serialized(CollectorPayload payload, byte[] bytes) {
    }

    public record Split(List<Serialized> good, List<SizeViolation> bad) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // An Avro string length is a zig-zag varint: re-sizing the body moves its prefix by at most 5 bytes.
    private static final int VARINT_SLACK = 5;

    private final Function<CollectorPayload, byte[]> serializer;
    private final int maxRecordBytes;
    private final int maxPayloadSize;
    private final Processor processor;

    public PayloadSplitter(Function<CollectorPayload, byte[]> serializer, int maxRecordBytes, int maxPayloadSize,
                           Processor processor) {
        this.serializer = serializer;
        this.maxRecordBytes = maxRecordBytes;
        this.maxPayloadSize = maxPayloadSize;
        this.processor = processor;
    }

    public Split split(CollectorPayload payload) {
        byte[] whole = serializer.apply(payload);
        if (whole.length <= maxRecordBytes) {
            return new Split(List.of(new Serialized(payload, whole)), List.of());
        }
        if (whole.length > maxPayloadSize) {
            return violation(payload, whole.length, "payload exceeds networking.max-payload-size");
        }
        if (payload.getBody() == null) {
            return violation(payload, whole.length, "GET requests cannot be split");
        }
        JsonNode body;
        try {
            body = JSON.readTree(payload.getBody());
        } catch (JsonProcessingException e) {
            return violation(payload, whole.length, "cannot split POST requests which are not json");
        }
        if (body == null || !body.isObject() || !body.path("schema").isTextual() || !body.path("data").isArray()) {
            return violation(payload, whole.length,
                    "cannot split POST requests which are not self-describing json with a data array");
        }
        return splitEvents(payload, (ObjectNode) body);
    }

    private Split splitEvents(CollectorPayload payload, ObjectNode body) {
        String schema = body.get("schema").asText();
        byte[] emptyBatch = serializer.apply(withData(payload, schema, List.of()));
        int overhead = emptyBatch.length + VARINT_SLACK;
        if (overhead > maxRecordBytes) {
            return violation(payload, serializer.apply(payload).length,
                    "payload without its events is still too large");
        }

        List<Serialized> good = new ArrayList<>();
        List<SizeViolation> bad = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        int batchBytes = 0;
        for (JsonNode event : body.get("data")) {
            String json = event.toString();
            int size = json.getBytes(StandardCharsets.UTF_8).length;
            if (overhead + size > maxRecordBytes) {
                bad.add(SizeViolation.of(processor, payload.getTimestamp(), maxRecordBytes, overhead + size,
                        "oversized collector payload: event is too large for one record", json,
                        maxRecordBytes / 10));
                continue;
            }
            int separator = batch.isEmpty() ? 0 : 1;
            if (overhead + batchBytes + separator + size > maxRecordBytes) {
                good.add(serialize(payload, schema, batch));
                batch = new ArrayList<>();
                batchBytes = 0;
                separator = 0;
            }
            batch.add(json);
            batchBytes += separator + size;
        }
        if (!batch.isEmpty()) {
            good.add(serialize(payload, schema, batch));
        }
        return new Split(List.copyOf(good), List.copyOf(bad));
    }

    private Serialized serialize(CollectorPayload original, String schema, List<String> events) {
        CollectorPayload part = withData(original, schema, events);
        return new Serialized(part, serializer.apply(part));
    }

    private static CollectorPayload withData(CollectorPayload original, String schema, List<String> events) {
        // Events are appended in the compact form measured above, so the estimate and the record agree.
        String body = "{\"schema\":" + JSON.getNodeFactory().textNode(schema) + ",\"data\":["
                + String.join(",", events) + "]}";
        CollectorPayload copy = CollectorPayload.newBuilder(original).build();
        copy.setBody(body);
        return copy;
    }

    private Split violation(CollectorPayload payload, int actualBytes, String reason) {
        return new Split(List.of(), List.of(SizeViolation.of(processor, payload.getTimestamp(), maxRecordBytes,
                actualBytes, "oversized collector payload: " + reason, payload.toString(), maxRecordBytes / 10)));
    }
}
