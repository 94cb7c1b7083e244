package dev.tributary.shredder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.Resolution;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.AtomicColumns;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code widerow} output: one Parquet dataset per run, {@code run=<id>/widerow/}, one row per event with the
 * atomic columns and one column per entity type (see {@link WideRowSchema}), for Athena, Trino and Spark users.
 * Bad rows go to the bad run folder as in shred mode. The columns come from the scan (every entity type the run
 * carries, under the field it was found in), so the schema is known before the first row is built.
 */
final class WideRowWriter {

    static final String FOLDER = "widerow";

    private final SparkSession spark;
    private final Map<String, JsonNode> entityColumns = new TreeMap<>();
    private final Map<String, String> columnOfEntry = new TreeMap<>();

    WideRowWriter(SparkSession spark, SchemaCatalog catalog, Map<EventShredder.ModelKey, String> targets,
                  Set<String> scanned) {
        this.spark = spark;
        for (String entry : scanned) {
            SchemaKey key;
            try {
                key = SchemaKey.parse(SchemaScan.uri(entry));
            } catch (RuntimeException e) {
                continue;
            }
            String target = targets.get(EventShredder.ModelKey.of(key));
            if (target == null || !(catalog.resolver().lookupSchema(SchemaKey.parse(target))
                    instanceof Resolution.Resolved resolved)) {
                continue;
            }
            String column = WideRowSchema.columnName(SchemaScan.prefix(entry),
                    ShreddedType.of(key, ShreddedFormat.JSON));
            entityColumns.put(column, resolved.schema());
        }
    }

    void write(JavaRDD<Tuple2<Long, String>> occurrences, ShredPartition shred, ShreddedLayout layout,
               String badRunFolder) throws IOException {
        StructType schema = WideRowSchema.of(entityColumns);
        RowBuilder builder = new RowBuilder(schema);
        // Two outputs from one pass: keep each result (row or bad line) until both are written.
        JavaRDD<Tuple2<Row, String>> results = occurrences
                .mapPartitions(it -> builder.rows(shred.results(it)))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            spark.createDataFrame(results.filter(t -> t._1() != null).map(Tuple2::_1), schema)
                    .write().parquet(layout.root() + "/" + FOLDER);
            JavaRDD<String> bad = results.filter(t -> t._2() != null).map(Tuple2::_2);
            if (!bad.isEmpty()) {
                bad.saveAsTextFile(badRunFolder, GzipCodec.class);
            }
        } finally {
            results.unpersist(false);
        }
        Path success = new Path(layout.success());
        FileSystem fs = success.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.create(success, true).close();
    }

    /** Builds a wide row per event; serializable so executors can run it. */
    static final class RowBuilder implements Serializable {

        private static final long serialVersionUID = 1L;

        private final StructType schema;

        RowBuilder(StructType schema) {
            this.schema = schema;
        }

        Iterator<Tuple2<Row, String>> rows(Iterator<ShredPartition.Result> results) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return results.hasNext();
                }

                @Override
                public Tuple2<Row, String> next() {
                    ShredPartition.Result r = results.next();
                    return r.badRow() != null ? new Tuple2<>(null, r.badRow()) : new Tuple2<>(row(r.event()), null);
                }
            };
        }

        Row row(ShreddedEvent shredded) {
            Object[] values = new Object[schema.fields().length];
            int i = 0;
            for (EnrichedField field : AtomicColumns.all()) {
                String text = field == EnrichedField.EVENT_ID ? shredded.eventId() : shredded.event().get(field);
                values[i++] = WideRowValues.atomic(field, text);
            }
            Map<String, List<Object>> contexts = new TreeMap<>();
            for (ShreddedEvent.ResolvedEntity e : shredded.entities()) {
                String column = WideRowSchema.columnName(e.entity().source().columnPrefix(), e.type().type());
                int index = indexOf(column);
                if (index < 0) {
                    continue; // a type the scan did not see (it cannot happen for a run read twice alike)
                }
                DataType type = schema.fields()[index].dataType();
                if (type instanceof ArrayType array) {
                    contexts.computeIfAbsent(column, c -> new ArrayList<>())
                            .add(WideRowValues.entity(e.entity().data(), array.elementType()));
                } else {
                    values[index] = WideRowValues.entity(e.entity().data(), type);
                }
            }
            contexts.forEach((column, items) -> values[indexOf(column)] = WideRowValues.seq(items));
            return RowFactory.create(values);
        }

        private int indexOf(String column) {
            String[] names = schema.fieldNames();
            for (int i = AtomicColumns.COUNT; i < names.length; i++) {
                if (names[i].equals(column)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
