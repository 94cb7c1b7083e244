package dev.tributary.schemas.iglu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaCriterionTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme/event/jsonschema/1-0-0, true",
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme/event/jsonschema/1-3-7, true",
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme/event/jsonschema/2-0-0, false",
            "iglu:com.acme/event/jsonschema/1-0-*, iglu:com.acme/event/jsonschema/1-0-5, true",
            "iglu:com.acme/event/jsonschema/1-0-*, iglu:com.acme/event/jsonschema/1-1-0, false",
            "iglu:com.acme/event/jsonschema/1-0-2, iglu:com.acme/event/jsonschema/1-0-2, true",
            "iglu:com.acme/event/jsonschema/*-*-*, iglu:com.acme/event/jsonschema/7-1-1, true",
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme/other/jsonschema/1-0-0, false",
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme.x/event/jsonschema/1-0-0, false",
            "iglu:com.acme/event/jsonschema/1-*-*, iglu:com.acme/event/avro/1-0-0, false"})
    void matchesOnVendorNameFormatAndNonWildcardComponents(String criterion, String key, boolean expected) {
        assertThat(SchemaCriterion.parse(criterion).matches(SchemaKey.parse(key))).isEqualTo(expected);
    }

    @Test
    void printsBackTheSameText() {
        assertThat(SchemaCriterion.parse("iglu:com.acme/event/jsonschema/1-*-*"))
                .hasToString("iglu:com.acme/event/jsonschema/1-*-*")
                .isEqualTo(SchemaCriterion.ofModel("com.acme", "event", "jsonschema", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iglu:com.acme/event/jsonschema/1-*", "com.acme/event/jsonschema/1-*-*",
            "iglu:com.acme/event/jsonschema/x-*-*", "iglu:com.acme/event/1-*-*", "iglu:com acme/e/jsonschema/1-*-*"})
    void rejectsMalformedCriteria(String text) {
        assertThatThrownBy(() -> SchemaCriterion.parse(text)).isInstanceOf(IgluParseException.class);
    }
}
