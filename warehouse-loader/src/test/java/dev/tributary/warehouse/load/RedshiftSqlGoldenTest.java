package dev.tributary.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.ModelSchemas;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.warehouse.ddl.AtomicEventsTable;
import dev.tributary.warehouse.ddl.EntityTables;
import dev.tributary.warehouse.ddl.ManifestTable;
import dev.tributary.warehouse.ddl.PropertyColumns;
import dev.tributary.warehouse.ddl.RedshiftDialect;
import dev.tributary.warehouse.ddl.TableDdl;
import dev.tributary.warehouse.ddl.TableMigration;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.target.RedshiftTarget;
import dev.tributary.warehouse.target.StorageTargetParser;
import dev.tributary.warehouse.testing.ShreddedRunWriter;
import dev.tributary.warehouse.testing.TestResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Redshift cannot run here, so the SQL sent to it is compared with reviewed golden files
 * (src/test/resources/golden/redshift). After an intended change, regenerate them with
 * {@code -Dgolden.update=true} and review the diff.
 */
class RedshiftSqlGoldenTest {

    private static final Path GOLDEN_SOURCE = Path.of("src/test/resources/golden/redshift");

    private final RedshiftDialect dialect = new RedshiftDialect();
    private final Resolver resolver = TestResolver.create();
    private final RedshiftTarget target = (RedshiftTarget) new StorageTargetParser(Map.of("RS_PASSWORD", "secret")::get).parse("""
            {"schema": "iglu:com.snowplowanalytics.snowplow.storage/redshift_config/jsonschema/4-0-0",
             "data": {"name": "Redshift", "id": "7b3a7f7e-7c39-4bb6-9a4b-9f0a0e3d9a11", "host": "cluster.example.com",
                      "database": "snowplow", "port": 5439, "username": "loader", "password": "${RS_PASSWORD}",
                      "schema": "atomic", "sshTunnel": null, "processingManifest": null,
                      "roleArn": "arn:aws:iam::123456789012:role/RedshiftLoadRole", "maxError": 1, "compRows": 20000,
                      "jdbc": {"ssl": true}, "purpose": "ENRICHED_EVENTS"}}
            """);
    private final RedshiftCopySource copy = new RedshiftCopySource(target,
            (RunLocation.S3) RunLocation.parse("s3://acme-shredded/good/run=2026-12-01-09-00-00/"), "eu-west-1");

    @Test
    void atomicEventsTable() throws IOException {
        assertGolden("atomic_events.sql", dialect.createTable(AtomicEventsTable.ddl("atomic")));
    }

    @Test
    void entityTableFromItsIgluSchema() throws IOException {
        assertGolden("checkout_1_create.sql", dialect.createTable(checkout(ShreddedRunWriter.CHECKOUT_100)));
    }

    @Test
    void aSchemaVersionAddingAColumnAltersTheTable() throws IOException {
        TableDdl v100 = checkout(ShreddedRunWriter.CHECKOUT_100);
        Set<String> existing = new HashSet<>(v100.columnNames());
        List<String> statements = TableMigration.statements(dialect, checkout(ShreddedRunWriter.CHECKOUT_101), existing);
        assertThat(statements).hasSize(1);
        assertGolden("checkout_1_migrate_1-0-0_to_1-0-1.sql", String.join(";\n", statements));
    }

    @Test
    void jsonFormatTypeTable() throws IOException {
        assertGolden("blob_1_create.sql", dialect.createTable(EntityTables.ddl("atomic",
                ShreddedType.of(ShreddedRunWriter.BLOB, ShreddedFormat.JSON).tableName(), List.of(EntityTables.JSON_DATA_COLUMN))));
    }

    @Test
    void manifestTable() throws IOException {
        assertGolden("manifest.sql", dialect.createTable(ManifestTable.ddl("atomic")));
    }

    @Test
    void copyStatements() throws IOException {
        TableDdl events = AtomicEventsTable.ddl("atomic");
        TableLoad eventsLoad = new TableLoad(events, ShreddedLayout.ATOMIC_EVENTS, ShreddedFormat.TSV, events.columns(),
                List.of("atomic-events/part-00000.gz"), true);
        TableDdl checkout = checkout(ShreddedRunWriter.CHECKOUT_101);
        ShreddedType checkoutType = ShreddedType.of(ShreddedRunWriter.CHECKOUT_101, ShreddedFormat.TSV);
        TableLoad checkoutLoad = new TableLoad(checkout, ShreddedLayout.relativeTypeFolder(checkoutType), ShreddedFormat.TSV,
                checkout.columns(), List.of("x/part-00000.gz"), false);
        ShreddedType blobType = ShreddedType.of(ShreddedRunWriter.BLOB, ShreddedFormat.JSON);
        TableDdl blob = EntityTables.ddl("atomic", blobType.tableName(), List.of(EntityTables.JSON_DATA_COLUMN));
        TableLoad blobLoad = new TableLoad(blob, ShreddedLayout.relativeTypeFolder(blobType), ShreddedFormat.JSON,
                blob.columns(), List.of("y/part-00000.gz"), false);

        assertGolden("copy_atomic_events.sql", String.join(";\n", copy.statements("tributary_stage_events", eventsLoad)));
        assertGolden("copy_checkout_1.sql", String.join(";\n", copy.statements("tributary_stage_1", checkoutLoad)));
        assertGolden("copy_blob_1_json.sql", String.join(";\n", copy.statements("tributary_stage_2", blobLoad)));
    }

    @Test
    void deduplicationStatements() throws IOException {
        Deduplication dedup = new Deduplication(Duration.ofDays(30));
        assertGolden("deduplication.sql", String.join(";\n", List.of(
                Deduplication.minCollectorTstamp("tributary_stage_events"),
                dedup.findDuplicates("atomic.events", "tributary_stage_events", Instant.parse("2026-11-30T10:00:00Z")),
                Deduplication.deleteDuplicateEvents("tributary_stage_events"),
                Deduplication.deleteDuplicateEntities("tributary_stage_1"))));
    }

    private TableDdl checkout(SchemaKey key) {
        var flat = ((ModelSchemas.Found) ModelSchemas.lookup(resolver, key)).flat();
        return EntityTables.ddl("atomic", ShreddedType.of(key, ShreddedFormat.TSV).tableName(), PropertyColumns.of(flat));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        String text = actual + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN_SOURCE.resolve(name), text);
        }
        try (InputStream in = RedshiftSqlGoldenTest.class.getResourceAsStream("/golden/redshift/" + name)) {
            assertThat(in).as("golden file " + name + " (create it with -Dgolden.update=true)").isNotNull();
            assertThat(text).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
