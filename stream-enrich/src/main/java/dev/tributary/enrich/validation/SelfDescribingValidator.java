package dev.tributary.enrich.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.enrich.json.BoundedJsonReader;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.FailureMessage.SchemaViolationMessage;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates the self-describing parts of an event through the Iglu resolver: the {@code unstruct_event} envelope
 * and the event inside it, the {@code contexts} envelope and each context, and the contexts enrichments derived.
 * Every problem is reported (not just the first), as schema_violations messages.
 */
public final class SelfDescribingValidator {

    public static final SchemaCriterion UNSTRUCT_EVENT =
            SchemaCriterion.parse("iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-*");
    public static final SchemaCriterion CONTEXTS =
            SchemaCriterion.parse("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-*");
    /** The envelope derived_contexts are written in. */
    public static final SchemaKey DERIVED_CONTEXTS_ENVELOPE =
            SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resolver resolver;
    private final BoundedJsonReader reader;

    public SelfDescribingValidator(Resolver resolver) {
        this(resolver, BoundedJsonReader.withDefaultDepth());
    }

    public SelfDescribingValidator(Resolver resolver, BoundedJsonReader reader) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** What validation found, and the schema of the self-describing event when it is valid. */
    public record Outcome(List<SchemaViolationMessage> messages, Optional<SchemaKey> unstructSchema) {
        public Outcome {
            messages = List.copyOf(messages);
        }
    }

    /** Validates and rewrites {@code unstruct_event} and {@code contexts} of {@code event} as compact JSON. */
    public Outcome validate(EnrichedEvent event) {
        List<SchemaViolationMessage> messages = new ArrayList<>();
        Optional<SchemaKey> unstructSchema = Optional.empty();
        if (event.getUnstructEvent() != null) {
            Optional<SelfDescribingJson> envelope = envelope("unstruct_event", event.getUnstructEvent(),
                    UNSTRUCT_EVENT, messages);
            if (envelope.isPresent()) {
                event.setUnstructEvent(envelope.get().toString());
                try {
                    SelfDescribingJson inner = SelfDescribingJson.parse(envelope.get().data());
                    if (check(inner, messages)) {
                        unstructSchema = Optional.of(inner.schema());
                    }
                } catch (IgluParseException e) {
                    messages.add(FailureMessage.NotIglu.of(envelope.get().data(), e));
                }
            }
        }
        if (event.getContexts() != null) {
            Optional<SelfDescribingJson> envelope = envelope("contexts", event.getContexts(), CONTEXTS, messages);
            if (envelope.isPresent()) {
                event.setContexts(envelope.get().toString());
                for (JsonNode item : envelope.get().data()) {
                    try {
                        check(SelfDescribingJson.parse(item), messages);
                    } catch (IgluParseException e) {
                        messages.add(FailureMessage.NotIglu.of(item, e));
                    }
                }
            }
        }
        return new Outcome(messages, unstructSchema);
    }

    /** Validates contexts derived by enrichments. */
    public List<SchemaViolationMessage> validateDerived(List<SelfDescribingJson> derived) {
        List<SchemaViolationMessage> messages = new ArrayList<>();
        derived.forEach(context -> check(context, messages));
        return messages;
    }

    /** The {@code derived_contexts} field value for {@code derived}, or null when there are none. */
    public static String derivedContextsField(List<SelfDescribingJson> derived) {
        if (derived.isEmpty()) {
            return null;
        }
        ArrayNode data = JSON.createArrayNode();
        derived.forEach(c -> data.add(c.toJson()));
        return new SelfDescribingJson(DERIVED_CONTEXTS_ENVELOPE, data).toString();
    }

    private Optional<SelfDescribingJson> envelope(String field, String text, SchemaCriterion criterion,
                                                  List<SchemaViolationMessage> messages) {
        JsonNode json;
        try {
            json = reader.read(text);
        } catch (JsonProcessingException e) {
            messages.add(new FailureMessage.NotJson(field, text, reader.describe(e)));
            return Optional.empty();
        }
        SelfDescribingJson envelope;
        try {
            envelope = SelfDescribingJson.parse(json);
        } catch (IgluParseException e) {
            if (e.reason() == IgluParseException.Reason.NOT_JSON) {
                messages.add(new FailureMessage.NotJson(field, text, e.getMessage()));
            } else {
                messages.add(FailureMessage.NotIglu.of(json == null ? JSON.nullNode() : json, e));
            }
            return Optional.empty();
        }
        if (!criterion.matches(envelope.schema())) {
            messages.add(new FailureMessage.CriterionMismatch(envelope.schema(), criterion));
            return Optional.empty();
        }
        if (!check(envelope, messages)) {
            return Optional.empty();
        }
        return Optional.of(envelope);
    }

    private boolean check(SelfDescribingJson json, List<SchemaViolationMessage> messages) {
        ValidationResult result = resolver.validate(json);
        if (result.isValid()) {
            return true;
        }
        messages.add(FailureMessage.IgluError.of(result));
        return false;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
