package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShreddingCompleteTest {

    private static ShreddingComplete sample(Instant min, Instant max) {
        return new ShreddingComplete("s3a://b/shredded/good/run=2026-12-01-09-15-00",
                List.of(new ShreddingComplete.TypeEntry(
                                SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1"),
                                ShreddedFormat.TSV),
                        new ShreddingComplete.TypeEntry(SchemaKey.parse("iglu:com.acme/blob/jsonschema/2-0-0"),
                                ShreddedFormat.JSON)),
                new ShreddingComplete.Timestamps(Instant.parse("2026-12-01T09:15:00Z"),
                        Instant.parse("2026-12-01T09:16:30.250Z"), min, max),
                "GZIP", new Processor("tributary-shredder", "0.1.0"), 42);
    }

    @Test
    void roundTripsAndValidatesAgainstTheBundledSchema() throws Exception {
        ShreddingComplete complete = sample(Instant.parse("2026-11-30T23:00:00.001Z"),
                Instant.parse("2026-12-01T08:59:59.999Z"));

        String text = complete.toJsonText();

        assertThat(ShreddingComplete.parse(text)).isEqualTo(complete);
        var json = new ObjectMapper().readTree(text);
        assertThat(json.get("schema").asText()).isEqualTo(
                "iglu:com.snowplowanalytics.snowplow.storage.rdbloader/shredding_complete/jsonschema/1-0-1");
        assertThat(json.at("/data/types/1/format").asText()).isEqualTo("JSON");
        assertThat(json.at("/data/timestamps/min").asText()).isEqualTo("2026-11-30T23:00:00.001Z");
        assertThat(json.at("/data/count/good").asLong()).isEqualTo(42);
        ValidationResult result = Resolver.bundled().validate(SelfDescribingJson.parse(text));
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void anEmptyRunHasNoMinOrMax() {
        ShreddingComplete empty = sample(null, null);

        assertThat(ShreddingComplete.parse(empty.toJsonText())).isEqualTo(empty);
        assertThat(Resolver.bundled().validate(SelfDescribingJson.parse(empty.toJsonText())))
                .isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> ShreddingComplete.parse("{\"base\":\"x\",\"types\":{}}"))
                .hasMessageContaining("types");
        assertThatThrownBy(() -> ShreddingComplete.parse(sample(null, null).toJsonText()
                .replace("\"jobStarted\" : \"2026-12-01T09:15:00Z\"", "\"jobStarted\" : \"yesterday\"")))
                .hasMessageContaining("jobStarted");
    }
}
