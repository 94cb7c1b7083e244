package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** Turns the bytes a repository returned into a schema document, or says why it cannot. */
final class SchemaDocuments {

    private SchemaDocuments() {
    }

    static RepositoryLookup read(String text, String origin) {
        JsonNode node;
        try {
            node = SelfDescribingJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new RepositoryLookup.InvalidSchema("not JSON at " + origin + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new RepositoryLookup.InvalidSchema("not a JSON object at " + origin);
        }
        return new RepositoryLookup.Found(node);
    }
}
