package dev.tributary.shredder;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.SchemaKey;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, before any row is written, the highest version of each model the run carries, so that every TSV row of
 * a type folder is flattened with the same columns. Schema keys are picked out of the JSON fields with a pattern
 * rather than a JSON parse (the scan runs over every event and only needs the keys). A key found inside some
 * entity's data is harmless: at worst a folder gets the columns of a newer version that does exist.
 */
public final class SchemaScan {

    private static final Pattern SCHEMA = Pattern.compile("\"schema\"\\s*:\\s*\"(iglu:[^\"]+)\"");

    private static final String COMPACT = "\"schema\":\"iglu:";

    private SchemaScan() {
    }

    /**
     * Adds the Iglu URIs found in the event's JSON fields to {@code found}, each tagged with the wide-row column
     * prefix of its field: {@code unstruct_event iglu:...} or {@code contexts iglu:...}.
     */
    public static void collect(EnrichedLine event, Set<String> found) {
        find(Entity.Source.UNSTRUCT_EVENT, event.get(EnrichedField.UNSTRUCT_EVENT), found);
        find(Entity.Source.CONTEXTS, event.get(EnrichedField.CONTEXTS), found);
        find(Entity.Source.DERIVED_CONTEXTS, event.get(EnrichedField.DERIVED_CONTEXTS), found);
    }

    private static void find(Entity.Source source, String json, Set<String> found) {
        if (json.isEmpty()) {
            return;
        }
        // indexOf rather than a regex: this runs over every event. Compact JSON (what enrich writes) is matched
        // here; anything else falls back to the pattern.
        int at = json.indexOf(COMPACT);
        if (at < 0 && json.contains("\"schema\"")) {
            Matcher m = SCHEMA.matcher(json);
            while (m.find()) {
                found.add(source.columnPrefix() + " " + m.group(1));
            }
            return;
        }
        while (at >= 0) {
            int start = at + COMPACT.length() - "iglu:".length();
            int end = json.indexOf('"', start);
            if (end < 0) {
                return;
            }
            found.add(source.columnPrefix() + " " + json.substring(start, end));
            at = json.indexOf(COMPACT, end);
        }
    }

    /** The URI of a {@link #collect} entry. */
    public static String uri(String entry) {
        return entry.substring(entry.indexOf(' ') + 1);
    }

    /** The column prefix of a {@link #collect} entry. */
    public static String prefix(String entry) {
        return entry.substring(0, entry.indexOf(' '));
    }

    /**
     * For each model among {@code uris}, the highest version the catalog can resolve: the target whose columns
     * the model's folder carries. Envelope schemas (contexts, unstruct_event) and keys that do not parse are
     * ignored; models none of whose versions resolve are left out (their entities become loader_iglu_error).
     */
    public static Map<EventShredder.ModelKey, String> targets(Set<String> uris, SchemaCatalog catalog) {
        Map<EventShredder.ModelKey, List<SchemaKey>> byModel = new HashMap<>();
        for (String uri : uris) {
            try {
                SchemaKey key = SchemaKey.parse(uri);
                byModel.computeIfAbsent(EventShredder.ModelKey.of(key), k -> new java.util.ArrayList<>()).add(key);
            } catch (IgluParseException e) {
                // Not a key we can shred with; the event's own parse reports it if it is an entity.
            }
        }
        Map<EventShredder.ModelKey, String> targets = new HashMap<>();
        byModel.forEach((model, keys) -> keys.stream()
                .sorted(Comparator.comparing(SchemaKey::version).reversed())
                .filter(k -> catalog.resolver().lookupSchema(k) instanceof Resolution.Resolved)
                .findFirst()
                .ifPresent(k -> targets.put(model, k.toUri())));
        return targets;
    }
}
