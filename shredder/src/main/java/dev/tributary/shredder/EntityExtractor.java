package dev.tributary.shredder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.badrows.LoaderParsingFailure;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.SchemaKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the self-describing JSON an enriched event carries: the one inside {@code unstruct_event}, then each of
 * {@code contexts}, then each of {@code derived_contexts}. A field that is not the envelope Snowplow writes is
 * a decoding issue of that field (the event becomes a loader_parsing_error, as in Snowplow's analytics SDK).
 */
public final class EntityExtractor {

    // Decimals are kept as BigDecimal: cheaper to read than a double, and written back with the digits they had.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EntityExtractor() {
    }

    /** The entities, or the decoding issues found. */
    public record Extracted(List<Entity> entities, List<LoaderParsingFailure.DecodingIssue> issues) {
    }

    public static Extracted extract(EnrichedLine event) {
        List<Entity> entities = new ArrayList<>();
        List<LoaderParsingFailure.DecodingIssue> issues = new ArrayList<>();
        unstruct(event.get(EnrichedField.UNSTRUCT_EVENT), entities, issues);
        contexts(EnrichedField.CONTEXTS, event.get(EnrichedField.CONTEXTS), Entity.Source.CONTEXTS, entities, issues);
        contexts(EnrichedField.DERIVED_CONTEXTS, event.get(EnrichedField.DERIVED_CONTEXTS),
                Entity.Source.DERIVED_CONTEXTS, entities, issues);
        return new Extracted(entities, issues);
    }

    private static void unstruct(String text, List<Entity> out, List<LoaderParsingFailure.DecodingIssue> issues) {
        if (text.isEmpty()) {
            return;
        }
        String field = EnrichedField.UNSTRUCT_EVENT.fieldName();
        JsonNode envelope = read(field, text, issues);
        if (envelope == null) {
            return;
        }
        JsonNode inner = envelope.get("data");
        if (!envelope.isObject() || inner == null || !inner.isObject()) {
            issues.add(invalid(field, text, "expected {\"schema\":...,\"data\":{\"schema\":...,\"data\":...}}"));
            return;
        }
        entity(field, text, inner, Entity.Source.UNSTRUCT_EVENT, out, issues);
    }

    private static void contexts(EnrichedField f, String text, Entity.Source source, List<Entity> out,
                                 List<LoaderParsingFailure.DecodingIssue> issues) {
        if (text.isEmpty()) {
            return;
        }
        String field = f.fieldName();
        JsonNode envelope = read(field, text, issues);
        if (envelope == null) {
            return;
        }
        JsonNode items = envelope.get("data");
        if (!envelope.isObject() || items == null || !items.isArray()) {
            issues.add(invalid(field, text, "expected {\"schema\":...,\"data\":[...]}"));
            return;
        }
        for (JsonNode item : items) {
            entity(field, text, item, source, out, issues);
        }
    }

    private static void entity(String field, String text, JsonNode node, Entity.Source source, List<Entity> out,
                               List<LoaderParsingFailure.DecodingIssue> issues) {
        JsonNode schema = node.get("schema");
        JsonNode data = node.get("data");
        if (!node.isObject() || schema == null || !schema.isTextual() || data == null) {
            issues.add(invalid(field, text, "an entity is not self-describing JSON {\"schema\":...,\"data\":...}"));
            return;
        }
        try {
            out.add(new Entity(key(schema.textValue()), data, source));
        } catch (IgluParseException e) {
            issues.add(invalid(field, text, e.getMessage()));
        }
    }

    /** Parsed keys, shared by the JVM: a run has a handful of distinct keys and millions of entities. */
    private static final java.util.Map<String, SchemaKey> KEYS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_KEYS = 10_000;

    private static SchemaKey key(String uri) {
        SchemaKey known = KEYS.get(uri);
        if (known != null) {
            return known;
        }
        SchemaKey key = SchemaKey.parse(uri);
        if (KEYS.size() < MAX_KEYS) {
            KEYS.put(uri, key);
        }
        return key;
    }

    private static JsonNode read(String field, String text, List<LoaderParsingFailure.DecodingIssue> issues) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            issues.add(invalid(field, text, "not JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static LoaderParsingFailure.InvalidValue invalid(String field, String text, String message) {
        return new LoaderParsingFailure.InvalidValue(field, text, message);
    }
}
