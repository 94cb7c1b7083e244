package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.iglu.SchemaKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a shredded entity hangs in its event, as Snowplow writes it: the event's id and collector timestamp
 * (the join key back to {@code atomic.events}) and the reference tree, always {@code events -> <name>} for
 * the first level that shredding produces.
 *
 * @param rootId     the event's event_id
 * @param rootTstamp the event's collector_tstamp, {@code yyyy-MM-dd HH:mm:ss.SSS} UTC as in atomic-events
 */
public record Hierarchy(String rootId, String rootTstamp, String refRoot, List<String> refTree, String refParent) {

    public static final String EVENTS = "events";

    public Hierarchy {
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(rootTstamp, "rootTstamp");
        Objects.requireNonNull(refRoot, "refRoot");
        refTree = List.copyOf(refTree);
        Objects.requireNonNull(refParent, "refParent");
    }

    /** The hierarchy of an entity {@code entityName} attached directly to event {@code rootId}. */
    public static Hierarchy ofEvent(String rootId, String rootTstamp, String entityName) {
        return new Hierarchy(rootId, rootTstamp, EVENTS, List.of(EVENTS, entityName), EVENTS);
    }

    /** {@code ref_tree} as the TSV column holds it: a compact JSON array, {@code ["events","link_click"]}. */
    public String refTreeJson() {
        return refTreeNode().toString();
    }

    /** The nine {@link ShreddedLayout#TSV_META_COLUMNS} cells for an entity with schema {@code key}. */
    public List<String> metaCells(SchemaKey key) {
        return List.of(key.vendor(), key.name(), key.format(), key.version().toString(), rootId, rootTstamp,
                refRoot, refTreeJson(), refParent);
    }

    /** {@code {"rootId","rootTstamp","refRoot","refTree":[...],"refParent"}}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("rootId", rootId);
        node.put("rootTstamp", rootTstamp);
        node.put("refRoot", refRoot);
        node.set("refTree", refTreeNode());
        node.put("refParent", refParent);
        return node;
    }

    /** Reads {@link #toJson()}; throws {@link IllegalArgumentException} naming a missing field. */
    public static Hierarchy fromJson(JsonNode node) {
        List<String> tree = new ArrayList<>();
        JsonNode refTree = node.path("refTree");
        if (!refTree.isArray()) {
            throw new IllegalArgumentException("hierarchy.refTree must be an array");
        }
        refTree.forEach(n -> tree.add(n.asText()));
        return new Hierarchy(text(node, "rootId"), text(node, "rootTstamp"), text(node, "refRoot"), tree,
                text(node, "refParent"));
    }

    private JsonNode refTreeNode() {
        var array = JsonNodeFactory.instance.arrayNode();
        refTree.forEach(array::add);
        return array;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("hierarchy." + field + " must be a string");
        }
        return value.textValue();
    }
}
