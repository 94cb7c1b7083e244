package dev.tributary.shredder;

import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddingComplete;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shredding run, in three stages:
 * <ol>
 *   <li><b>scan</b>: read every line once to find the event_ids that occur more than once (a shuffle of ids
 *       only) and the schema keys the run carries;</li>
 *   <li><b>shred</b>: read again, deduplicate each occurrence against the scan's answer, and write atomic-events,
 *       every type folder and the bad rows in one pass under one output committer;</li>
 *   <li><b>finish</b>: move the bad rows to the bad run folder, then write {@code shredding_complete.json}
 *       last, so its presence means the run folder is whole.</li>
 * </ol>
 * Both reads see the same files in the same partitions, so an occurrence's position (partition, line) names it
 * in both. A run folder that already has {@code shredding_complete.json} is left alone; one without it is the
 * remains of a failed attempt and is replaced.
 */
public final class ShredJob {

    private static final Logger LOG = LoggerFactory.getLogger(ShredJob.class);

    private final SparkSession spark;
    private final ShredderConfig config;
    private final Clock clock;

    public ShredJob(SparkSession spark, ShredderConfig config, Clock clock) {
        this.spark = spark;
        this.config = config;
        this.clock = clock;
    }

    /** What a run did. {@code alreadyShredded}: the run folder was complete, nothing was written. */
    public record Result(boolean alreadyShredded, ShreddingComplete complete, ShredStats stats) {
    }

    public Result run() throws IOException {
        Instant started = clock.instant();
        ShreddedLayout layout = config.layout();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path complete = new Path(layout.shreddingComplete());
        FileSystem goodFs = complete.getFileSystem(hadoop);
        if (goodFs.exists(complete)) {
            LOG.info("run folder {} is already shredded ({} exists): nothing to do", layout.root(),
                    ShreddedLayout.SHREDDING_COMPLETE);
            return new Result(true, ShreddingComplete.parse(readString(goodFs, complete)), new ShredStats());
        }
        removeIncompleteAttempt(hadoop, layout);
        LOG.info("shredding {} -> {} (bad rows -> {}), mode {}, encryption {}", config.input(), layout.root(),
                config.badRunFolder(), config.outputMode(), config.encryption());

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Tuple2<Long, String>> occurrences = readOccurrences();

        // Stage 1: scan.
        long stage = System.nanoTime();
        ShredStatsAccumulator scanStats = register(jsc, "scan");
        SetAccumulator schemaUris = new SetAccumulator();
        jsc.sc().register(schemaUris, "schema keys");
        Map<String, DuplicateGroup.Survivors> duplicates = new HashMap<>(occurrences
                .mapPartitionsToPair(new ScanPartition(config.processor(), scanStats, schemaUris))
                .reduceByKey(ScanPartition::mergeOccurrences)
                .filter(t -> t._2().indexOf('\n') >= 0)
                .mapValues(ScanPartition::survivors)
                .collectAsMap());
        Deduplicator deduplicator = new Deduplicator(duplicates);
        SchemaCatalog catalog = SchemaCatalog.forConfig(config.resolverConfigJson());
        Set<String> found = new java.util.HashSet<>(schemaUris.value());
        if (deduplicator.syntheticIds() > 0) {
            found.add(Entity.Source.DERIVED_CONTEXTS.columnPrefix() + " " + EventShredder.DUPLICATE.toUri());
        }
        Set<String> uris = new java.util.HashSet<>();
        found.forEach(entry -> uris.add(SchemaScan.uri(entry)));
        Map<EventShredder.ModelKey, String> targets = SchemaScan.targets(uris, catalog);
        ShredStats scanned = scanStats.value();
        LOG.info("stage 1/3 scan: read {} lines, {} parsed, {} unparseable; {} event ids occur more than once "
                        + "({} with different fingerprints); {} schema keys, {} models; {} s",
                scanned.get(ShredStats.LINES), scanned.get(ShredStats.GOOD), scanned.get(ShredStats.BAD_PARSING),
                deduplicator.duplicatedIds(), deduplicator.syntheticIds(), uris.size(), targets.size(),
                seconds(stage));
        stage = System.nanoTime();

        // Stage 2: shred.
        Broadcast<Deduplicator> dedupBroadcast = jsc.broadcast(deduplicator);
        Broadcast<Map<EventShredder.ModelKey, String>> targetsBroadcast = jsc.broadcast(targets);
        ShredStatsAccumulator stats = register(jsc, "shred");
        ShredPartition shred = new ShredPartition(config.resolverConfigJson(), config.processor(), dedupBroadcast,
                targetsBroadcast, stats);
        if (config.outputMode() == ShredderConfig.OutputMode.SHRED) {
            JavaPairRDD<String, String> lines = occurrences.mapPartitionsToPair(shred::lines);
            lines.saveAsHadoopFile(layout.root(), String.class, String.class, FolderOutputFormat.class,
                    GzipCodec.class);
        } else {
            new WideRowWriter(spark, catalog, targets, found).write(occurrences, shred, layout, config.badRunFolder());
        }
        ShredStats shredded = stats.value();
        LOG.info("stage 2/3 shred: {} good events written; {} natural duplicates dropped, {} synthetic duplicates "
                        + "re-identified; bad rows: {} loader_parsing_error, {} loader_iglu_error; {} s",
                shredded.get(ShredStats.GOOD), shredded.get(ShredStats.NATURAL_DUPLICATES),
                shredded.get(ShredStats.SYNTHETIC_DUPLICATES), shredded.get(ShredStats.BAD_PARSING),
                shredded.get(ShredStats.BAD_IGLU), seconds(stage));
        shredded.rowsPerFolder().forEach((folder, rows) -> LOG.info("stage 2/3 shred: {} rows in {}", rows, folder));

        // Stage 3: finish.
        long badRows = moveBadRows(hadoop, layout);
        ShreddingComplete done = shreddingComplete(layout, started, shredded);
        writeString(goodFs, complete, done.toJsonText());
        LOG.info("stage 3/3 finish: {} bad row files moved to {}; wrote {} with {} types",
                badRows, config.badRunFolder(), complete, done.types().size());
        dedupBroadcast.destroy();
        targetsBroadcast.destroy();
        return new Result(false, done, shredded);
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    private JavaRDD<Tuple2<Long, String>> readOccurrences() {
        // recursiveFileLookup: the run folder keeps the s3-loader's yyyy/MM/dd/HH sub-folders; files whose names
        // start with _ or . (markers, checksums) are skipped by Spark's file index.
        JavaRDD<String> lines = spark.read().option("recursiveFileLookup", "true").textFile(config.input())
                .javaRDD();
        return lines.mapPartitionsWithIndex(new Occurrences(), true);
    }

    private static ShredStatsAccumulator register(JavaSparkContext jsc, String name) {
        ShredStatsAccumulator acc = new ShredStatsAccumulator();
        jsc.sc().register(acc, name);
        return acc;
    }

    private void removeIncompleteAttempt(Configuration hadoop, ShreddedLayout layout) throws IOException {
        for (String folder : List.of(layout.root(), config.badRunFolder())) {
            Path path = new Path(folder);
            FileSystem fs = path.getFileSystem(hadoop);
            if (fs.exists(path)) {
                LOG.warn("{} exists without {}: the remains of an unfinished attempt, deleting it", folder,
                        ShreddedLayout.SHREDDING_COMPLETE);
                fs.delete(path, true);
            }
        }
    }

    /** Moves {@code _bad-rows/} out of the run folder; returns how many part files it held. */
    private long moveBadRows(Configuration hadoop, ShreddedLayout layout) throws IOException {
        Path staged = new Path(layout.root(), OutputLines.BAD_ROWS_STAGING);
        FileSystem fs = staged.getFileSystem(hadoop);
        if (!fs.exists(staged)) {
            return 0;
        }
        Path target = new Path(config.badRunFolder());
        FileSystem badFs = target.getFileSystem(hadoop);
        long files = 0;
        if (badFs.getUri().equals(fs.getUri())) {
            badFs.mkdirs(target.getParent());
            if (!fs.rename(staged, target)) {
                throw new IOException("cannot move bad rows from " + staged + " to " + target);
            }
            files = badFs.listStatus(target).length;
        } else {
            // Different file systems (e.g. good on HDFS, bad on S3): copy, then delete.
            for (var status : fs.listStatus(staged)) {
                org.apache.hadoop.fs.FileUtil.copy(fs, status.getPath(), badFs,
                        new Path(target, status.getPath().getName()), false, hadoop);
                files++;
            }
            fs.delete(staged, true);
        }
        return files;
    }

    private ShreddingComplete shreddingComplete(ShreddedLayout layout, Instant started, ShredStats stats) {
        List<ShreddingComplete.TypeEntry> types = new ArrayList<>();
        stats.targetPerFolder().forEach((folder, target) -> ShreddedLayout.typeOf(folder).ifPresent(type ->
                types.add(new ShreddingComplete.TypeEntry(SchemaKey.parse(target), type.format()))));
        Long min = stats.minCollectorMillis();
        Long max = stats.maxCollectorMillis();
        return new ShreddingComplete(layout.root(), types, new ShreddingComplete.Timestamps(started, clock.instant(),
                min == null ? null : Instant.ofEpochMilli(min), max == null ? null : Instant.ofEpochMilli(max)),
                config.outputMode() == ShredderConfig.OutputMode.SHRED ? "GZIP" : "NONE", config.processor(),
                stats.get(ShredStats.GOOD));
    }

    private static String readString(FileSystem fs, Path path) throws IOException {
        try (var in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void writeString(FileSystem fs, Path path, String text) throws IOException {
        try (OutputStream out = fs.create(path, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
