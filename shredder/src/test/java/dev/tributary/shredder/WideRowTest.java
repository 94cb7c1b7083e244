package dev.tributary.shredder;

import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.shredding.ShreddingComplete;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance (c): the widerow Parquet, read back with Spark, has one row per event and typed entity columns. */
class WideRowTest {

    private static final String RUN_ID = "2026-11-30-23-45-00";

    @TempDir
    static Path dir;

    static SparkSession spark;
    static EnrichedEventGenerator generated;
    static Dataset<Row> wide;

    @BeforeAll
    static void shredWide() throws Exception {
        spark = SparkTestSession.start("WideRowTest");
        generated = new EnrichedEventGenerator(11).unique(120).naturalDuplicates(5, 2).syntheticDuplicates(4)
                .corrupt(5).unresolvable(2).shuffle();
        Path input = dir.resolve("enriched/run=" + RUN_ID);
        generated.writeRunFolder(input, 3);
        ShredderConfig config = new ShredderConfig(input.toUri().toString(), dir.resolve("good").toUri().toString(),
                dir.resolve("bad").toUri().toString(), RUN_ID, SparkTestSession.testResolver(), Encryption.none(),
                ShredderConfig.OutputMode.WIDEROW, new Processor("tributary-shredder", "0.1.0"));
        new ShredJob(spark, config, Clock.systemUTC()).run();
        wide = spark.read().parquet(dir.resolve("good/run=" + RUN_ID + "/" + WideRowWriter.FOLDER).toString());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void oneRowPerEventWithDistinctIds() {
        assertThat(wide.count()).isEqualTo(generated.good);
        assertThat(wide.select("event_id").distinct().count()).isEqualTo(generated.good);
        assertThat(wide.schema().apply("collector_tstamp").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(wide.schema().apply("domain_sessionidx").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(wide.schema().apply("br_features_pdf").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(wide.schema().apply("geo_latitude").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(wide.columns()).doesNotContain("contexts", "unstruct_event", "derived_contexts");
    }

    @Test
    void entityColumnsAreTypedFromTheirIgluSchemas() {
        StructType schema = wide.schema();
        ArrayType items = (ArrayType) schema.apply("contexts_com_acme_item_1").dataType();
        StructType item = (StructType) items.elementType();
        assertThat(item.apply("quantity").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(item.apply("price").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(item.apply("in_stock").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(item.apply("colour").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(((StructType) item.apply("dimensions").dataType()).apply("width_cm").dataType())
                .isEqualTo(DataTypes.DoubleType);
        StructType click = (StructType) schema.apply("unstruct_event_com_snowplowanalytics_snowplow_link_click_1")
                .dataType();
        assertThat(click.apply("target_url").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(click.apply("element_classes").dataType())
                .isEqualTo(DataTypes.createArrayType(DataTypes.StringType, true));
        assertThat(schema.apply("contexts_com_snowplowanalytics_snowplow_ua_parser_context_1").dataType())
                .isInstanceOf(ArrayType.class);
        assertThat(schema.apply("contexts_com_acme_blob_1").dataType())
                .isEqualTo(DataTypes.createArrayType(DataTypes.StringType, true));
    }

    @Test
    void entityValuesLandInTheirColumns() {
        long itemCount = wide.where(col("contexts_com_acme_item_1").isNotNull())
                .agg(sum(size(col("contexts_com_acme_item_1")))).first().getLong(0);
        long clicks = wide.where(col("unstruct_event_com_snowplowanalytics_snowplow_link_click_1").isNotNull()).count();
        long duplicates = wide.where(col("contexts_com_snowplowanalytics_snowplow_duplicate_1").isNotNull()).count();

        assertThat(itemCount).isEqualTo(generated.rowsPerFolder.get(
                EnrichedEventGenerator.folder(EnrichedEventGenerator.ITEM)));
        assertThat(clicks).isEqualTo(generated.rowsPerFolder.get(
                EnrichedEventGenerator.folder(EnrichedEventGenerator.LINK_CLICK)));
        assertThat(duplicates).isEqualTo(generated.syntheticReidentified);
        Row firstItem = wide.where(col("contexts_com_acme_item_1").isNotNull())
                .select(col("contexts_com_acme_item_1").getItem(0).alias("item")).first().getStruct(0);
        assertThat(firstItem.<Long>getAs("quantity")).isEqualTo(1L);
        assertThat(firstItem.<Boolean>getAs("in_stock")).isTrue();
        assertThat(firstItem.<Row>getAs("dimensions").<Double>getAs("width_cm")).isEqualTo(12.5);
        List<Row> times = wide.select("collector_tstamp").collectAsList();
        assertThat(times).allSatisfy(r -> assertThat(r.get(0)).isInstanceOf(Timestamp.class));
    }

    @Test
    void badRowsAndShreddingCompleteAreWrittenAsInShredMode() throws Exception {
        Path run = dir.resolve("good/run=" + RUN_ID);
        List<String> bad = RunFolderReader.linesByFolder(dir.resolve("bad/run=" + RUN_ID)).get("");

        assertThat(bad).hasSize((int) (generated.parsingErrors + generated.igluErrors));
        assertThat(run.resolve("_SUCCESS")).exists();
        assertThat(ShreddingComplete.parse(Files.readString(run.resolve("shredding_complete.json"))).countGood())
                .isEqualTo(generated.good);
    }
}
