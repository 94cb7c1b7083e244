package dev.tributary.localstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The end-to-end tests' own reading of a running stack, written against the plain clients (Kafka consumer, S3 SDK,
 * JDBC) rather than the demo's code, so that comparing the demo's table with these numbers checks the demo.
 */
final class StackReader {

    private StackReader() {
    }

    /** End offsets of every partition of {@code topic} (next offset to be written). */
    static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            Map<TopicPartition, Long> offsets = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
            offsets.putAll(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            return offsets;
        }
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The committed records of a topic from {@code from} to its current end. */
    static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap, Map<TopicPartition, Long> from) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(from.keySet(), Duration.ofSeconds(30));
            while (from.keySet().stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static String text(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Keys under {@code prefix}. */
    static Set<String> keys(S3Client s3, String bucket, String prefix) {
        Set<String> keys = new TreeSet<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** Lines of a gzipped object. */
    static List<String> lines(S3Client s3, String bucket, String key) {
        byte[] gzipped = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(key + " is not gzip", e);
        }
    }

    /** What HEAD says of the object's encryption. */
    static String sse(S3Client s3, String bucket, String key) {
        String sse = s3.headObject(b -> b.bucket(bucket).key(key)).serverSideEncryptionAsString();
        return sse == null ? "none" : sse;
    }

    /** Rows of each table of schema atomic (manifest excluded), 0 for none. */
    static Map<String, Long> atomicTableRows(String jdbcUrl) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = sql.executeQuery("select tablename from pg_tables where schemaname = 'atomic' "
                    + "and tablename <> 'manifest'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = sql.executeQuery("select count(*) from atomic." + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    static List<String> column(String jdbcUrl, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
