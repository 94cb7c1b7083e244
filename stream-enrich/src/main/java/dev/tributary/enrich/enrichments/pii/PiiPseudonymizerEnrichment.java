package dev.tributary.enrich.enrichments.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.function.UnaryOperator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentException;
import dev.tributary.enrich.enrichments.TransformingEnrichment;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * pii_enrichment_config 2-0-0: pseudonymises personal data. Each configured {@code pojo} field (an atomic field
 * such as user_id) and each string selected by a {@code json} entry's {@code jsonPath} inside the contexts,
 * derived_contexts or unstruct_event entities matching its {@code schemaCriterion} is replaced by
 * {@code hex(hash(value + salt))}. With {@code emitEvent}, a pii_transformation event listing every original and
 * pseudonymised value is returned for the pii output; it carries a parent_event context pointing at the event.
 */
public final class PiiPseudonymizerEnrichment implements TransformingEnrichment {

    static final SchemaKey PII_TRANSFORMATION =
            SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/pii_transformation/jsonschema/1-0-0");
    static final SchemaKey PARENT_EVENT =
            SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/parent_event/jsonschema/1-0-0");
    static final String UNSTRUCT_EVENT = "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0";
    static final String CONTEXTS = "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1";

    /** The atomic fields Snowplow allows as {@code pojo} PII fields. */
    static final Set<String> POJO_FIELDS = Set.of("user_id", "user_ipaddress", "user_fingerprint", "domain_userid",
            "network_userid", "ip_organization", "ip_domain", "tr_orderid", "ti_orderid", "mkt_term", "mkt_content",
            "se_category", "se_action", "se_label", "se_property", "mkt_clickid", "refr_domain_userid",
            "domain_sessionid");
    static final Set<String> JSON_FIELDS = Set.of("contexts", "derived_contexts", "unstruct_event");
    static final Set<String> HASH_FUNCTIONS = Set.of("MD2", "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A configured PII field: an atomic field, or a JSON path in entities of one schema family. */
    public sealed interface PiiField permits Pojo, Json {
    }

    public record Pojo(String field) implements PiiField {
    }

    public record Json(String field, SchemaCriterion schemaCriterion, String jsonPath) implements PiiField {
    }

    private record CompiledJson(Json config, JsonPath path) {
    }

    /**
     * Jayway over Jackson trees, as Snowplow's PII enrichment uses it: full JSONPath ({@code ..}, filters,
     * unions); a path that selects nothing, or a filter that meets a missing field, changes nothing.
     */
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    /** @throws IllegalArgumentException naming what is wrong with {@code path} */
    static JsonPath compile(String path) {
        if (path == null || !path.startsWith("$")) {
            throw new IllegalArgumentException("expected a JSONPath starting with $, got '" + path + "'");
        }
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid JSONPath '" + path + "': " + e.getMessage(), e);
        }
    }

    private final List<String> pojoFields;
    private final List<CompiledJson> jsonFields;
    private final String hashFunction;
    private final String salt;
    private final boolean emitEvent;

    public PiiPseudonymizerEnrichment(List<PiiField> fields, String hashFunction, String salt, boolean emitEvent) {
        if (!HASH_FUNCTIONS.contains(hashFunction)) {
            throw new IllegalArgumentException("unsupported hash function " + hashFunction);
        }
        List<String> pojo = new ArrayList<>();
        List<CompiledJson> json = new ArrayList<>();
        for (PiiField f : fields) {
            if (f instanceof Pojo p) {
                pojo.add(p.field());
            } else if (f instanceof Json j) {
                json.add(new CompiledJson(j, compile(j.jsonPath())));
            }
        }
        this.pojoFields = List.copyOf(pojo);
        this.jsonFields = List.copyOf(json);
        this.hashFunction = hashFunction;
        this.salt = salt;
        this.emitEvent = emitEvent;
    }

    public static PiiPseudonymizerEnrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        JsonNode pii = config.parameter("pii");
        if (!pii.isArray()) {
            throw config.error("parameters.pii", "expected an array of {pojo:{field}} or {json:{...}} entries");
        }
        List<PiiField> fields = new ArrayList<>();
        for (int i = 0; i < pii.size(); i++) {
            String where = "parameters.pii[" + i + "]";
            JsonNode entry = pii.get(i);
            if (entry.has("pojo")) {
                String field = entry.path("pojo").path("field").asText("");
                if (!POJO_FIELDS.contains(field)) {
                    throw config.error(where + ".pojo.field", "expected one of " + new java.util.TreeSet<>(POJO_FIELDS)
                            + ", got \"" + field + "\"");
                }
                fields.add(new Pojo(field));
            } else if (entry.has("json")) {
                JsonNode json = entry.path("json");
                String field = json.path("field").asText("");
                if (!JSON_FIELDS.contains(field)) {
                    throw config.error(where + ".json.field",
                            "expected contexts, derived_contexts or unstruct_event, got \"" + field + "\"");
                }
                SchemaCriterion criterion;
                try {
                    criterion = SchemaCriterion.parse(json.path("schemaCriterion").asText(""));
                } catch (IgluParseException e) {
                    throw config.error(where + ".json.schemaCriterion", e.getMessage());
                }
                String path = json.path("jsonPath").asText("");
                try {
                    compile(path);
                } catch (IllegalArgumentException e) {
                    throw config.error(where + ".json.jsonPath", e.getMessage());
                }
                fields.add(new Json(field, criterion, path));
            } else {
                throw config.error(where, "expected an object with 'pojo' or 'json'");
            }
        }
        String hash = config.requiredString("strategy.pseudonymize.hashFunction");
        if (!HASH_FUNCTIONS.contains(hash)) {
            throw config.error("parameters.strategy.pseudonymize.hashFunction",
                    "expected one of MD2, MD5, SHA-1, SHA-256, SHA-384, SHA-512, got \"" + hash + "\"");
        }
        String salt = config.requiredString("strategy.pseudonymize.salt");
        boolean emit = config.data().path("emitEvent").asBoolean(false);
        return new PiiPseudonymizerEnrichment(fields, hash, salt, emit);
    }

    @Override
    public String name() {
        return "pii_enrichment_config";
    }

    /** {@code hex(hash(value + salt))} with the configured function. */
    public String pseudonymize(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance(hashFunction);
            return HexFormat.of().formatHex(digest.digest((value + salt).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + hashFunction, e);
        }
    }

    @Override
    public Transformation transform(EnrichedEvent event, EnrichmentContext context,
                                    List<SelfDescribingJson> derivedContexts) throws EnrichmentException {
        ArrayNode pojoChanges = JsonNodeFactory.instance.arrayNode();
        ArrayNode jsonChanges = JsonNodeFactory.instance.arrayNode();
        for (String field : pojoFields) {
            Object value = event.get(field);
            if (value instanceof CharSequence text) {
                String original = text.toString();
                String modified = pseudonymize(original);
                event.put(field, modified);
                ObjectNode change = pojoChanges.addObject();
                change.put("fieldName", field);
                change.put("originalValue", original);
                change.put("modifiedValue", modified);
            }
        }
        List<SelfDescribingJson> derived = new ArrayList<>(derivedContexts);
        for (CompiledJson json : jsonFields) {
            switch (json.config().field()) {
                case "contexts" -> event.setContexts(rewriteEnvelope(event.getContexts(), "contexts", json,
                        jsonChanges));
                case "unstruct_event" -> event.setUnstructEvent(rewriteEnvelope(event.getUnstructEvent(),
                        "unstruct_event", json, jsonChanges));
                default -> {
                    for (int i = 0; i < derived.size(); i++) {
                        SelfDescribingJson entity = derived.get(i);
                        if (json.config().schemaCriterion().matches(entity.schema())) {
                            JsonNode data = entity.data().deepCopy();
                            if (rewrite(data, entity.schema(), "derived_contexts", json, jsonChanges)) {
                                derived.set(i, new SelfDescribingJson(entity.schema(), data));
                            }
                        }
                    }
                }
            }
        }
        Optional<EnrichedEvent> emitted = Optional.empty();
        if (emitEvent && (pojoChanges.size() > 0 || jsonChanges.size() > 0)) {
            emitted = Optional.of(transformationEvent(event, pojoChanges, jsonChanges));
        }
        return new Transformation(derived, emitted);
    }

    /** Rewrites a contexts or unstruct_event envelope held as JSON text; returns the new text. */
    private String rewriteEnvelope(String text, String field, CompiledJson json, ArrayNode changes)
            throws EnrichmentException {
        if (text == null || text.isEmpty()) {
            return text;
        }
        JsonNode envelope;
        try {
            envelope = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw EnrichmentException.inputData(field, null, "self-describing JSON (" + e.getMessage() + ")");
        }
        JsonNode data = envelope.path("data");
        boolean changed = false;
        if (data.isArray()) {
            for (JsonNode entity : data) {
                changed |= rewriteEntity(entity, field, json, changes);
            }
        } else if (data.isObject()) {
            changed = rewriteEntity(data, field, json, changes);
        }
        return changed ? envelope.toString() : text;
    }

    private boolean rewriteEntity(JsonNode entity, String field, CompiledJson json, ArrayNode changes) {
        JsonNode schema = entity.path("schema");
        JsonNode data = entity.path("data");
        if (!schema.isTextual() || !(data.isObject() || data.isArray())) {
            return false;
        }
        SchemaKey key;
        try {
            key = SchemaKey.parse(schema.textValue());
        } catch (IgluParseException e) {
            return false;
        }
        return json.config().schemaCriterion().matches(key) && rewrite(data, key, field, json, changes);
    }

    private boolean rewrite(JsonNode data, SchemaKey schema, String field, CompiledJson json, ArrayNode changes) {
        int before = changes.size();
        UnaryOperator<String> replace = original -> {
            String modified = pseudonymize(original);
            ObjectNode change = changes.addObject();
            change.put("fieldName", field);
            change.put("originalValue", original);
            change.put("modifiedValue", modified);
            change.put("jsonPath", json.config().jsonPath());
            change.put("schema", schema.toUri());
            return modified;
        };
        // Strings are replaced; a selected array has its string elements replaced; anything else is kept.
        json.path().map(data, (value, conf) -> {
            if (value instanceof String s) {
                return replace.apply(s);
            }
            if (value instanceof JsonNode node && node.isTextual()) {
                return TextNode.valueOf(replace.apply(node.textValue()));
            }
            if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isTextual()) {
                        array.set(i, TextNode.valueOf(replace.apply(array.get(i).textValue())));
                    }
                }
            }
            return value;
        }, JSON_PATH);
        return changes.size() > before;
    }

    private EnrichedEvent transformationEvent(EnrichedEvent parent, ArrayNode pojo, ArrayNode json) {
        ObjectNode piiData = JsonNodeFactory.instance.objectNode();
        ObjectNode pii = piiData.putObject("pii");
        if (pojo.size() > 0) {
            pii.set("pojo", pojo);
        }
        if (json.size() > 0) {
            pii.set("json", json);
        }
        piiData.putObject("strategy").putObject("pseudonymize").put("hashFunction", hashFunction);

        ObjectNode unstruct = JsonNodeFactory.instance.objectNode();
        unstruct.put("schema", UNSTRUCT_EVENT);
        unstruct.set("data", new SelfDescribingJson(PII_TRANSFORMATION, piiData).toJson());

        ObjectNode contexts = JsonNodeFactory.instance.objectNode();
        contexts.put("schema", CONTEXTS);
        ObjectNode parentEvent = JsonNodeFactory.instance.objectNode().put("parentEventId", parent.getEventId());
        contexts.putArray("data").add(new SelfDescribingJson(PARENT_EVENT, parentEvent).toJson());

        Instant now = Instant.now();
        EnrichedEvent e = new EnrichedEvent();
        e.setEventId(UUID.randomUUID().toString());
        e.setAppId(parent.getAppId());
        e.setPlatform("srv");
        e.setEtlTstamp(parent.getEtlTstamp());
        e.setCollectorTstamp(parent.getCollectorTstamp());
        e.setDerivedTstamp(now);
        e.setTrueTstamp(now);
        e.setVEtl(parent.getVEtl());
        // Snowplow names the event itself rather than "unstruct", so consumers of the pii stream can filter on it.
        e.setEvent(PII_TRANSFORMATION.name());
        e.setEventVendor(PII_TRANSFORMATION.vendor());
        e.setEventName(PII_TRANSFORMATION.name());
        e.setEventFormat(PII_TRANSFORMATION.format());
        e.setEventVersion(PII_TRANSFORMATION.version().toString());
        e.setUnstructEvent(unstruct.toString());
        e.setContexts(contexts.toString());
        return e;
    }
}
