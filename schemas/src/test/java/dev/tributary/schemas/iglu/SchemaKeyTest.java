package dev.tributary.schemas.iglu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaKeyTest {

    @Test
    void parsesAnIgluUriIntoItsParts() {
        SchemaKey key = SchemaKey.parse("iglu:com.acme/checkout_step/jsonschema/1-0-4");

        assertThat(key.vendor()).isEqualTo("com.acme");
        assertThat(key.name()).isEqualTo("checkout_step");
        assertThat(key.format()).isEqualTo("jsonschema");
        assertThat(key.version()).isEqualTo(SchemaVer.of(1, 0, 4));
        assertThat(key.toUri()).isEqualTo("iglu:com.acme/checkout_step/jsonschema/1-0-4");
        assertThat(key.toPath()).isEqualTo("com.acme/checkout_step/jsonschema/1-0-4");
        assertThat(SchemaKey.fromPath(key.toPath())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "com.acme/event/jsonschema/1-0-0",       // no iglu: prefix
            "iglu:com.acme/event/jsonschema",         // no version
            "iglu:com.acme/event/jsonschema/1-0-0/x", // too many parts
            "iglu:com acme/event/jsonschema/1-0-0",   // space in vendor
            "iglu:com.acme/ev.ent/jsonschema/1-0-0",  // dot in name
            "iglu://com.acme/event/jsonschema/1-0-0",
            ""})
    void rejectsMalformedUris(String uri) {
        assertThatThrownBy(() -> SchemaKey.parse(uri))
                .isInstanceOf(IgluParseException.class)
                .extracting(e -> ((IgluParseException) e).reason())
                .isEqualTo(IgluParseException.Reason.INVALID_IGLUURI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-0", "0-1-0", "1-0-0-0", "01-0-0", "1-a-0", "1-0-", "-1-0-0", "1.0.0",
            "99999999999-0-0"})
    void rejectsMalformedSchemaVers(String version) {
        assertThatThrownBy(() -> SchemaKey.parse("iglu:com.acme/event/jsonschema/" + version))
                .isInstanceOf(IgluParseException.class)
                .hasMessageContaining(version)
                .extracting(e -> ((IgluParseException) e).reason())
                .isEqualTo(IgluParseException.Reason.INVALID_SCHEMAVER);
    }

    @Test
    void schemaVerOrdersNumericallyNotAlphabetically() {
        assertThat(SchemaVer.parse("1-0-10")).isGreaterThan(SchemaVer.parse("1-0-9"));
        assertThat(SchemaVer.parse("2-0-0")).isGreaterThan(SchemaVer.parse("1-10-10"));
        assertThat(SchemaVer.parse("1-1-0")).isGreaterThan(SchemaVer.parse("1-0-99"));
    }

    @Test
    void generatedVersionsRoundTripAndSortLikeTheirComponents() {
        Random random = new Random(42);
        List<SchemaVer> versions = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            SchemaVer v = SchemaVer.of(1 + random.nextInt(20), random.nextInt(20), random.nextInt(20));
            assertThat(SchemaVer.parse(v.toString())).isEqualTo(v);
            versions.add(v);
        }
        Collections.shuffle(versions, random);
        Collections.sort(versions);
        for (int i = 1; i < versions.size(); i++) {
            SchemaVer a = versions.get(i - 1);
            SchemaVer b = versions.get(i);
            long ka = a.model() * 10_000L + a.revision() * 100L + a.addition();
            long kb = b.model() * 10_000L + b.revision() * 100L + b.addition();
            assertThat(ka).isLessThanOrEqualTo(kb);
        }
    }
}
