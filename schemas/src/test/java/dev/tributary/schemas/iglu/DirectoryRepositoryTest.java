package dev.tributary.schemas.iglu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema keys arrive inside events; a directory repository never reads outside its {@code schemas/} tree for one. */
class DirectoryRepositoryTest {

    @TempDir
    Path root;

    @Test
    void findsASchemaInItsTree() {
        SchemaKey key = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0");
        SchemaDirectory.write(root, key, SchemaDirectory.schemaWithRequired(key, "id", "string"));
        assertThat(new DirectoryRepository("local", 0, List.of(), root).lookup(key))
                .isInstanceOf(RepositoryLookup.Found.class);
    }

    @Test
    void refusesAKeyWhoseVendorStepsOutOfTheSchemasDirectory() throws Exception {
        // iglu:../secrets/jsonschema/1-0-0 names <root>/schemas/../secrets/jsonschema/1-0-0 = <root>/secrets/...,
        // where this test plants a file that is a perfectly valid schema for that very key.
        SchemaKey escaping = SchemaKey.parse("iglu:../secrets/jsonschema/1-0-0");
        Path outside = root.resolve("secrets/jsonschema/1-0-0");
        Files.createDirectories(outside.getParent());
        Files.writeString(outside, SchemaDirectory.schemaWithRequired(escaping, "password", "string"));
        Files.createDirectories(root.resolve("schemas"));

        RepositoryLookup lookup = new DirectoryRepository("local", 0, List.of(), root).lookup(escaping);

        assertThat(lookup).isInstanceOf(RepositoryLookup.InvalidSchema.class);
        assertThat(((RepositoryLookup.InvalidSchema) lookup).message()).contains("would leave the repository root");
    }

    @Test
    void refusesDotVendorsEvenWhenNothingIsThere() {
        DirectoryRepository repository = new DirectoryRepository("local", 0, List.of(), root);
        for (String uri : List.of("iglu:./click/jsonschema/1-0-0", "iglu:../click/jsonschema/1-0-0")) {
            assertThat(repository.lookup(SchemaKey.parse(uri))).as(uri)
                    .isInstanceOf(RepositoryLookup.InvalidSchema.class);
        }
    }
}
