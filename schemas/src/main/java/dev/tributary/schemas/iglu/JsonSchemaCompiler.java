package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compiles Iglu JSON schemas with networknt and validates instances against them.
 *
 * <p>Iglu schemas are draft-04 documents whose {@code $schema} is the Iglu self-describing meta-schema URI and
 * which carry a {@code self} block. networknt does not know that URI and would try to fetch it, so it is
 * registered as a draft-04 dialect in which {@code self} is a known, non-validating keyword.
 */
public final class JsonSchemaCompiler {

    /** The meta-schema every Iglu schema declares in {@code $schema}. */
    public static final String IGLU_META_SCHEMA =
            "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#";

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    public JsonSchemaCompiler() {
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                .metaSchema(igluDialect(IGLU_META_SCHEMA))
                // Registered with and without the fragment: the factory may normalise either way.
                .metaSchema(igluDialect(IGLU_META_SCHEMA.substring(0, IGLU_META_SCHEMA.length() - 1))));
        // Draft 4 treats "format" as an assertion; Iglu schemas rely on date-time and uuid being checked.
        // Paths like "$.items[0].sku", the JSONPath style Snowplow bad rows use.
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                .pathType(PathType.LEGACY).build();
    }

    private static JsonMetaSchema igluDialect(String iri) {
        return JsonMetaSchema.builder(iri, JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("self"))
                .build();
    }

    /** Compiles a schema; throws {@link IllegalArgumentException} with networknt's reason when it cannot. */
    public JsonSchema compile(JsonNode schema) {
        try {
            JsonSchema compiled = factory.getSchema(schema, config);
            // Resolves $refs and builds every validator now, so a broken schema fails here and not on first use.
            compiled.initializeValidators();
            return compiled;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("schema does not compile: " + e.getMessage(), e);
        }
    }

    /** Validation issues sorted by path then message; empty when the instance is valid. */
    public List<ValidationIssue> validate(JsonSchema schema, JsonNode instance) {
        Set<ValidationMessage> messages = schema.validate(instance);
        return messages.stream()
                .map(m -> new ValidationIssue(m.getInstanceLocation().toString(), m.getType(), m.getMessage()))
                .sorted(Comparator.comparing(ValidationIssue::path).thenComparing(ValidationIssue::message))
                .toList();
    }
}
