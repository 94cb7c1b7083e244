package dev.tributary.schemas.badrows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.iglu.Resolver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadRowFitterTest {

    private static final Processor PROCESSOR = new Processor("tributary-stream-enrich", "0.1.0");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final Resolver resolver = Resolver.bundled();
    private final BadRowFitter fitter = new BadRowFitter(resolver, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aValidRowIsLeftAsItIs() {
        GenericError row = new GenericError(PROCESSOR, NOW, List.of("boom"), "payload");

        assertThat(fitter.fit(row)).isEqualTo(row.toJson());
    }

    @Test
    void stringsLongerThanTheSchemaAllowsAreCutSoTheRowValidates() {
        String longValue = "v".repeat(5_000) + "\uD83D\uDE00";
        TrackerProtocolViolations row = new TrackerProtocolViolations(PROCESSOR, NOW,
                "com.snowplowanalytics.snowplow", "tp2",
                List.of(new FailureMessage.InputData("contentType", longValue, "x".repeat(2_000))),
                new CollectorPayloadData("com.snowplowanalytics.snowplow", "tp2",
                        List.of(new NameValue("cx", longValue)), "text/plain", "body", "c", "UTF-8", null, NOW, null,
                        null, null, List.of(), null));
        assertThat(resolver.validate(row.schemaKey(), row.toJson().get("data")).isValid()).isFalse();

        ObjectNode fitted = fitter.fit(row);

        assertThat(fitted.get("schema").asText()).isEqualTo(row.schemaKey().toUri());
        assertThat(resolver.validate(row.schemaKey(), fitted.get("data")).isValid()).isTrue();
        // Cut, not replaced: the row keeps its type and a prefix of every long string.
        assertThat(fitted.toString().length()).isLessThan(row.toJsonLine().length());
        String expectation = fitted.at("/data/failure/messages/0/expectation").asText();
        String parameter = fitted.at("/data/payload/querystring/0/value").asText();
        assertThat("x".repeat(2_000)).startsWith(expectation);
        assertThat(longValue).startsWith(parameter);
        assertThat(expectation.length() + parameter.length()).isLessThan(2_000 + longValue.length());
    }
}
