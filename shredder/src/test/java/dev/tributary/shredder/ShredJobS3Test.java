package dev.tributary.shredder;

import dev.tributary.infra.s3.EmbeddedS3;
import dev.tributary.infra.s3.S3Clients;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddingComplete;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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

    static EmbeddedS3 s3;
    static TlsTunnel tls;
    static S3Client client;
    static SparkSession spark;
    static EnrichedEventGenerator generated;
    static ShredJob.Result result;

    @BeforeAll
    static void shredOnS3() throws Exception {
        s3 = EmbeddedS3.builder().initialBuckets(BUCKET).validKmsKeys(KEY_ID).build().start();
        // S3A (AWS SDK v1) sends SSE-KMS headers over HTTPS only; the embedded S3 speaks HTTP.
        tls = new TlsTunnel(s3.endpoint(), dir);
        System.setProperty("com.amazonaws.sdk.disableCertChecking", "true");
        client = S3Clients.builder(s3).httpClient(UrlConnectionHttpClient.create()).build();
        generated = new EnrichedEventGenerator(7).unique(80).naturalDuplicates(5, 2).syntheticDuplicates(3)
                .corrupt(5).unresolvable(2).shuffle();
        uploadAsS3Loader(generated.lines(), 3);

        spark = SparkTestSession.start("ShredJobS3Test");
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        hadoop.set("fs.s3a.access.key", S3Clients.DUMMY_CREDENTIALS.accessKeyId());
        hadoop.set("fs.s3a.secret.key", S3Clients.DUMMY_CREDENTIALS.secretAccessKey());
        Encryption kms = new Encryption(Encryption.Mode.KMS, KEY_ID);
        ShredderMain.configureHadoop(hadoop, kms,
                Map.of("AWS_ENDPOINT_URL", tls.endpoint().toString(), "AWS_REGION", s3.region()));

        ShredderConfig config = new ShredderConfig("s3a://" + BUCKET + "/enriched/good/run=" + RUN_ID + "/",
                "s3a://" + BUCKET + "/shredded/good", "s3a://" + BUCKET + "/shredded/bad", RUN_ID,
                SparkTestSession.testResolver(), kms, ShredderConfig.OutputMode.SHRED,
                new Processor("tributary-shredder", "0.1.0"));
        result = new ShredJob(spark, config, Clock.systemUTC()).run();
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        // S3A file systems are cached per bucket with the settings they were created with.
        FileSystem.closeAll();
        if (client != null) {
            client.close();
        }
        if (tls != null) {
            tls.close();
        }
        System.clearProperty("com.amazonaws.sdk.disableCertChecking");
        if (s3 != null) {
            s3.close();
        }
    }

    /** Objects as the s3-loader names them: {@code <prefix>/<yyyy>/<MM>/<dd>/<HH>/<topic>-<p>-<first>-<last>.gz}. */
    private static void uploadAsS3Loader(List<String> lines, int objects) throws IOException {
        int per = (lines.size() + objects - 1) / objects;
        for (int o = 0; o < objects; o++) {
            List<String> chunk = lines.subList(Math.min(lines.size(), o * per), Math.min(lines.size(), (o + 1) * per));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(EnrichedEventGenerator.gzipBody(chunk));
            }
            String key = "enriched/good/run=" + RUN_ID + "/2026/11/30/2" + (o % 2) + "/enriched-" + o + "-"
                    + (o * per) + "-" + (o * per + chunk.size() - 1) + ".gz";
            client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes.toByteArray()));
        }
    }

    private static List<S3Object> written() {
        List<S3Object> objects = new ArrayList<>();
        client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("shredded/")).contents().forEach(objects::add);
        return objects;
    }

    private static List<String> gunzipLines(String key) throws IOException {
        byte[] gz = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return RunFolderReader.linesOf(in.readAllBytes());
        }
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
        for (S3Object object : objects) {
            HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key(object.key()));
            assertThat(head.serverSideEncryption()).as(object.key()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).as(object.key()).isEqualTo(KEY_ID);
        }
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
            long lines = gunzipLines(object.key()).size();
            if (object.key().startsWith(run + "atomic-events/")) {
                atomic += lines;
            } else if (object.key().contains("/name=duplicate/")) {
                duplicates += lines;
            } else if (object.key().startsWith("shredded/bad/")) {
                bad += lines;
            }
        }
        String completeJson = client.getObjectAsBytes(b -> b.bucket(BUCKET).key(run + ShreddedLayout.SHREDDING_COMPLETE))
                .asString(StandardCharsets.UTF_8);

        assertThat(atomic).isEqualTo(generated.good);
        assertThat(duplicates).isEqualTo(generated.syntheticReidentified);
        assertThat(bad).isEqualTo(generated.parsingErrors + generated.igluErrors);
        assertThat(ShreddingComplete.parse(completeJson).countGood()).isEqualTo(generated.good);
        assertThat(result.stats().get(ShredStats.NATURAL_DUPLICATES)).isEqualTo(generated.naturalDropped);
    }
}
