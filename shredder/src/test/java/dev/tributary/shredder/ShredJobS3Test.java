package dev.tributary.shredder;

import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddingComplete;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (b): the s3-loader's gzip objects on the embedded S3, shredded over {@code s3a://} with SSE-KMS:
 * HEAD on every object the job wrote shows aws:kms and the configured key.
 */
class ShredJobS3Test {

    private static final String BUCKET = "tributary-shredder-kms";
    private static final String KEY_ID = "arn:aws:kms:us-east-1:123456789012:key/tributary-shredder";
    private static final String RUN_ID = "2026-11-30-23-30-00";

    @TempDir
    static Path dir;

    static KmsS3Fixture s3;
    static SparkSession spark;
    static EnrichedEventGenerator generated;
    static ShredJob.Result result;

    @BeforeAll
    static void shredOnS3() throws Exception {
        s3 = KmsS3Fixture.start(BUCKET, KEY_ID, dir);
        generated = new EnrichedEventGenerator(7).unique(80).naturalDuplicates(5, 2).syntheticDuplicates(3)
                .corrupt(5).unresolvable(2).shuffle();
        s3.uploadAsS3Loader("enriched/good/run=" + RUN_ID + "/", generated.lines(), 3);

        spark = SparkTestSession.start("ShredJobS3Test");
        s3.configureS3a(spark.sparkContext().hadoopConfiguration());

        ShredderConfig config = new ShredderConfig(s3.s3a("enriched/good/run=" + RUN_ID + "/"),
                s3.s3a("shredded/good"), s3.s3a("shredded/bad"), RUN_ID,
                SparkTestSession.testResolver(), s3.kms(), ShredderConfig.OutputMode.SHRED,
                new Processor("tributary-shredder", "0.1.0"));
        result = new ShredJob(spark, config, Clock.systemUTC()).run();
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private static List<S3Object> written() {
        return s3.list("shredded/");
    }

    @Test
    void everyObjectWrittenCarriesSseKmsWithTheConfiguredKey() {
        List<S3Object> objects = written();
        String run = "shredded/good/run=" + RUN_ID + "/";

        assertThat(objects).extracting(S3Object::key)
                .contains(run + ShreddedLayout.SUCCESS, run + ShreddedLayout.SHREDDING_COMPLETE)
                .anyMatch(k -> k.startsWith(run + "atomic-events/part-") && k.endsWith(".gz"))
                .anyMatch(k -> k.startsWith(run + "shredded-types/vendor=com.snowplowanalytics.snowplow/name=duplicate/"))
                .anyMatch(k -> k.startsWith("shredded/bad/run=" + RUN_ID + "/part-"))
                .noneMatch(k -> k.contains("_temporary") || k.contains(OutputLines.BAD_ROWS_STAGING));
        s3.assertEveryObjectKmsEncrypted(objects);
    }

    @Test
    void theRunIsShreddedCompletelyOverS3a() throws IOException {
        String run = "shredded/good/run=" + RUN_ID + "/";
        long atomic = 0;
        long duplicates = 0;
        long bad = 0;
        for (S3Object object : written()) {
            if (!ShreddedLayout.isPartFile(object.key())) {
                continue;
            }
            long lines = s3.gunzipLines(object.key()).size();
            if (object.key().startsWith(run + "atomic-events/")) {
                atomic += lines;
            } else if (object.key().contains("/name=duplicate/")) {
                duplicates += lines;
            } else if (object.key().startsWith("shredded/bad/")) {
                bad += lines;
            }
        }
        String completeJson = s3.client().getObjectAsBytes(b -> b.bucket(BUCKET).key(run + ShreddedLayout.SHREDDING_COMPLETE))
                .asString(StandardCharsets.UTF_8);

        assertThat(atomic).isEqualTo(generated.good);
        assertThat(duplicates).isEqualTo(generated.syntheticReidentified);
        assertThat(bad).isEqualTo(generated.parsingErrors + generated.igluErrors);
        assertThat(ShreddingComplete.parse(completeJson).countGood()).isEqualTo(generated.good);
        assertThat(result.stats().get(ShredStats.NATURAL_DUPLICATES)).isEqualTo(generated.naturalDropped);
    }
}
