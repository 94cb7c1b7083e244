package dev.tributary.trigger.cli;

import static dev.tributary.trigger.s3.S3TestSupport.head;
import static dev.tributary.trigger.s3.S3TestSupport.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.trigger.config.Fixtures;
import dev.tributary.trigger.s3.S3TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class AssetsCommandTest {

    @TempDir
    Path dir;

    @Test
    void uploadsBothJarsWhereTheEmrStepsLookForThemWithSse() throws Exception {
        try (S3Client s3 = S3TestSupport.client()) {
            S3TestSupport.clear(s3);
            String text = Fixtures.withValue(Fixtures.streamConfigText(), "assets", "s3://acme-snowplow/assets");
            text = text
                    .replace("    hadoop_elasticsearch: 0.1.0", "    hadoop_elasticsearch: 0.1.0\n    tributary: 9.9.9");
            Path config = Files.writeString(dir.resolve("config.yml"), text);
            Path shredder = Files.writeString(dir.resolve("shredder.jar"), "jar-1");
            Path loader = Files.writeString(dir.resolve("loader.jar"), "jar-2");

            int code = new CliTestSupport().run("assets", "upload", "-c", config.toString(), "--shredder-jar",
                    shredder.toString(), "--loader-jar", loader.toString());

            assertThat(code).isZero();
            assertThat(keys(s3, "assets/")).containsExactly(
                    "assets/4-storage/tributary-shredder/shredder-9.9.9.jar",
                    "assets/4-storage/tributary-warehouse-loader/warehouse-loader-9.9.9.jar");
            keys(s3, "assets/").forEach(k -> assertThat(head(s3, k).serverSideEncryption())
                    .isEqualTo(ServerSideEncryption.AES256));
        }
    }
}
