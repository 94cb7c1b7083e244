package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.SchemaKey;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code shredding_complete.json} of a shredded run folder, with the shape of Snowplow's
 * {@code iglu:com.snowplowanalytics.snowplow.storage.rdbloader/shredding_complete/jsonschema/1-0-1}, written
 * self-describing. It is the last object the shredder writes, so its presence means the folder is whole.
 *
 * <p>{@code types} has one entry per type folder: its format and the highest version of that model seen in
 * the run. The loader derives the folder's TSV columns from that key with {@link ModelSchemas} (every row of
 * the folder carries exactly those columns).
 *
 * @param base        the shredded run folder
 * @param compression {@code GZIP} or {@code NONE}
 * @param countGood   the events in atomic-events
 */
public record ShreddingComplete(String base, List<TypeEntry> types, Timestamps timestamps, String compression,
                                Processor processor, long countGood) {

    public static final SchemaKey SCHEMA = SchemaKey.parse(
            "iglu:com.snowplowanalytics.snowplow.storage.rdbloader/shredding_complete/jsonschema/1-0-1");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ShreddingComplete {
        Objects.requireNonNull(base, "base");
        types = List.copyOf(types);
        Objects.requireNonNull(timestamps, "timestamps");
        if (!"GZIP".equals(compression) && !"NONE".equals(compression)) {
            throw new IllegalArgumentException("compression must be GZIP or NONE, got " + compression);
        }
        Objects.requireNonNull(processor, "processor");
        if (countGood < 0) {
            throw new IllegalArgumentException("count.good must be >= 0");
        }
    }

    /** One type folder: {@code schemaKey} is the highest version of the model in the run. */
    public record TypeEntry(SchemaKey schemaKey, ShreddedFormat format) {
        public TypeEntry {
            Objects.requireNonNull(schemaKey, "schemaKey");
            Objects.requireNonNull(format, "format");
        }

        public ShreddedType shreddedType() {
            return ShreddedType.of(schemaKey, format);
        }
    }

    /** Job start and end, and the smallest/largest collector_tstamp of the run's events (null when empty). */
    public record Timestamps(Instant jobStarted, Instant jobCompleted, Instant min, Instant max) {
        public Timestamps {
            Objects.requireNonNull(jobStarted, "jobStarted");
            Objects.requireNonNull(jobCompleted, "jobCompleted");
        }
    }

    /** The self-describing JSON. */
    public ObjectNode toJson() {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("base", base);
        ArrayNode typeArray = data.putArray("types");
        for (TypeEntry t : types) {
            typeArray.addObject().put("schemaKey", t.schemaKey().toUri()).put("format", t.format().name());
        }
        ObjectNode ts = data.putObject("timestamps");
        ts.put("jobStarted", timestamps.jobStarted().toString());
        ts.put("jobCompleted", timestamps.jobCompleted().toString());
        putInstant(ts, "min", timestamps.min());
        putInstant(ts, "max", timestamps.max());
        data.put("compression", compression);
        data.putObject("processor").put("artifact", processor.artifact()).put("version", processor.version());
        data.putObject("count").put("good", countGood);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA.toUri());
        root.set("data", data);
        return root;
    }

    /** Pretty JSON text, as written to {@code shredding_complete.json}. */
    public String toJsonText() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the self-describing form (or bare data); {@link IllegalArgumentException} names what is wrong. */
    public static ShreddingComplete parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("shredding_complete is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("shredding_complete must be a JSON object");
        }
        JsonNode data = root.has("schema") && root.has("data") ? root.get("data") : root;
        List<TypeEntry> types = new ArrayList<>();
        JsonNode typeArray = data.path("types");
        if (!typeArray.isArray()) {
            throw new IllegalArgumentException("shredding_complete.types must be an array");
        }
        for (JsonNode t : typeArray) {
            types.add(new TypeEntry(SchemaKey.parse(text(t, "types[].schemaKey", "schemaKey")),
                    ShreddedFormat.parse(text(t, "types[].format", "format"))));
        }
        JsonNode ts = data.path("timestamps");
        Timestamps timestamps = new Timestamps(instant(ts, "jobStarted", true), instant(ts, "jobCompleted", true),
                instant(ts, "min", false), instant(ts, "max", false));
        JsonNode processor = data.path("processor");
        JsonNode good = data.path("count").path("good");
        return new ShreddingComplete(text(data, "base", "base"), types, timestamps,
                text(data, "compression", "compression"),
                new Processor(text(processor, "processor.artifact", "artifact"),
                        text(processor, "processor.version", "version")),
                good.canConvertToLong() ? good.longValue() : 0L);
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }

    private static String text(JsonNode node, String what, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("shredding_complete." + what + " must be a string");
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("shredding_complete.timestamps." + field + " is required");
            }
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("shredding_complete.timestamps." + field + " is not an ISO instant: "
                    + v.asText(), e);
        }
    }
}
