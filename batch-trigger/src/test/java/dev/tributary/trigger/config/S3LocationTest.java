package dev.tributary.trigger.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3LocationTest {

    @Test
    void aTrailingSlashIsAddedAndTheRootHasNoPrefix() {
        assertThat(S3Location.parse("s3://bucket/enriched/good").orElseThrow().url())
                .isEqualTo("s3://bucket/enriched/good/");
        assertThat(S3Location.parse("s3://bucket/enriched/good/").orElseThrow().prefix()).isEqualTo("enriched/good/");
        assertThat(S3Location.parse("s3://bucket").orElseThrow().url()).isEqualTo("s3://bucket/");
        assertThat(S3Location.parse("s3n://bucket/x").orElseThrow().s3aUrl()).isEqualTo("s3a://bucket/x/");
    }

    @Test
    void notAnS3UrlIsRejected() {
        assertThat(S3Location.parse("/tmp/x")).isEmpty();
        assertThat(S3Location.parse("ADD HERE")).isEmpty();
        assertThat(S3Location.parse("https://bucket/x")).isEmpty();
    }
}
