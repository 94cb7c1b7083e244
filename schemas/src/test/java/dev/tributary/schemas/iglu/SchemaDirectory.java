package dev.tributary.schemas.iglu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small Iglu schemas into a directory in Iglu Central layout, for repository tests. */
final class SchemaDirectory {

    private SchemaDirectory() {
    }

    /** A schema for an object with one required property of the given JSON type. */
    static String schemaWithRequired(SchemaKey key, String property, String type) {
        return """
                {"$schema": "%s",
                 "self": {"vendor": "%s", "name": "%s", "format": "%s", "version": "%s"},
                 "type": "object",
                 "properties": {"%s": {"type": "%s"}},
                 "required": ["%s"],
                 "additionalProperties": false}
                """.formatted(JsonSchemaCompiler.IGLU_META_SCHEMA, key.vendor(), key.name(), key.format(),
                key.version(), property, type, property);
    }

    static Path write(Path root, SchemaKey key, String schema) {
        Path file = root.resolve("schemas").resolve(key.toPath());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
