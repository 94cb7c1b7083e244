package dev.tributary.shredder;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tributary.schemas.badrows.BadRow;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.LoaderIgluError;
import dev.tributary.schemas.badrows.LoaderParsingError;
import dev.tributary.schemas.badrows.LoaderParsingFailure;
import dev.tributary.schemas.badrows.LoaderPayload;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.ShreddedType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one deduplicated event into a {@link ShreddedEvent}, or into the bad row that says why it cannot be
 * loaded: a JSON field that is not the envelope Snowplow writes ({@code loader_parsing_error}), or an entity
 * whose schema cannot be resolved ({@code loader_iglu_error}, listing every such entity). An event is loaded
 * whole or not at all, so its entities never reference a missing event.
 */
public final class EventShredder {

    /** Snowplow's marker for a synthetic duplicate, attached as a derived context. */
    public static final SchemaKey DUPLICATE =
            SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/duplicate/jsonschema/1-0-0");

    private final SchemaCatalog catalog;
    private final Map<ModelKey, SchemaKey> targets;
    private final Processor processor;

    /** @param targets the highest version of each model seen in the run (see {@link SchemaScan}) */
    public EventShredder(SchemaCatalog catalog, Map<ModelKey, SchemaKey> targets, Processor processor) {
        this.catalog = catalog;
        this.targets = targets;
        this.processor = processor;
    }

    /** The outcome for one event. */
    public sealed interface Outcome {
    }

    public record Good(ShreddedEvent event) implements Outcome {
    }

    public record Bad(BadRow badRow) implements Outcome {
    }

    /** @param reidentified the new id and original id of a synthetic duplicate, or null */
    public Outcome shred(EnrichedLine event, Deduplicator.Reidentify reidentified) {
        EntityExtractor.Extracted extracted = EntityExtractor.extract(event);
        if (!extracted.issues().isEmpty()) {
            return new Bad(new LoaderParsingError(processor,
                    new LoaderParsingFailure.RowDecodingError(extracted.issues()), event.line()));
        }
        List<Entity> entities = new ArrayList<>(extracted.entities());
        String eventId = event.eventId();
        if (reidentified != null) {
            eventId = reidentified.newEventId();
            entities.add(new Entity(DUPLICATE, JsonNodeFactory.instance.objectNode()
                    .put("originalEventId", reidentified.originalEventId()), Entity.Source.DERIVED_CONTEXTS));
        }
        List<ShreddedEvent.ResolvedEntity> resolved = new ArrayList<>(entities.size());
        List<FailureMessage.LoaderIgluMessage> failures = new ArrayList<>();
        for (Entity entity : entities) {
            SchemaCatalog.TypeLookup lookup = catalog.typeOf(entity.key(), targets.get(ModelKey.of(entity.key())));
            if (lookup instanceof SchemaCatalog.Resolved r) {
                resolved.add(new ShreddedEvent.ResolvedEntity(entity, r));
            } else if (lookup instanceof SchemaCatalog.Failed f && !failures.contains(f.message())) {
                failures.add(f.message());
            }
        }
        if (!failures.isEmpty()) {
            LoaderPayload payload;
            try {
                payload = LoaderPayload.fromTsv(event.normalizedValues());
            } catch (IllegalArgumentException e) {
                // The payload's typed view is stricter than our reader (e.g. ISO 'T' timestamps): still a bad row.
                return new Bad(new LoaderParsingError(processor, new LoaderParsingFailure.RowDecodingError(List.of(
                        new LoaderParsingFailure.UnhandledDecodingError(e.getMessage()))),
                        event.line()));
            }
            return new Bad(new LoaderIgluError(processor, failures, payload));
        }
        return new Good(new ShreddedEvent(event, eventId, resolved));
    }

    /** vendor/name/model: the part of a schema key that picks a folder and a table. */
    public record ModelKey(String vendor, String name, int model) implements java.io.Serializable {
        public static ModelKey of(SchemaKey key) {
            return new ModelKey(key.vendor(), key.name(), key.version().model());
        }

        public static ModelKey of(ShreddedType type) {
            return new ModelKey(type.vendor(), type.name(), type.model());
        }
    }
}
