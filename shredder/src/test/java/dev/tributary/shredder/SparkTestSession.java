package dev.tributary.shredder;

import org.apache.spark.sql.SparkSession;

/** A small local Spark for one test class: two cores, few shuffle partitions, no UI. */
final class SparkTestSession {

    private SparkTestSession() {
    }

    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.ui.enabled", "false")
                // Leaves java.net.URL's handler factory to S3Mock's Tomcat (see the surefire configuration).
                .config("spark.sql.defaultUrlStreamHandlerFactory.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    static String testResolver() {
        try (var in = SparkTestSession.class.getResourceAsStream("/test-resolver.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
