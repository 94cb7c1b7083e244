package dev.tributary.schemas.iglu;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfDescribingJsonTest {

    @Test
    void parsesAndWritesBack() throws Exception {
        String text = "{\"schema\":\"iglu:com.acme/click/jsonschema/1-0-0\",\"data\":{\"target\":\"buy\"}}";

        SelfDescribingJson json = SelfDescribingJson.parse(text);

        assertThat(json.schema()).isEqualTo(SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0"));
        assertThat(json.data().get("target").asText()).isEqualTo("buy");
        assertThat(json.toString()).isEqualTo(text);
        assertThat(SelfDescribingJson.parse(new ObjectMapper().readTree(text))).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{not json                                                           | NOT_JSON",
            "''                                                                  | NOT_JSON",
            "[1,2]                                                               | INVALID_SCHEMA",
            "{\"data\":{}}                                                       | INVALID_SCHEMA",
            "{\"schema\":42,\"data\":{}}                                         | INVALID_SCHEMA",
            "{\"schema\":\"com.acme/click/jsonschema/1-0-0\",\"data\":{}}        | INVALID_IGLUURI",
            "{\"schema\":\"iglu:com.acme/click/jsonschema/1-0\",\"data\":{}}    | INVALID_SCHEMAVER",
            "{\"schema\":\"iglu:com.acme/click/jsonschema/1-0-0\"}               | INVALID_DATA_PAYLOAD"})
    void reportsWhyInputIsNotSelfDescribing(String text, IgluParseException.Reason reason) {
        assertThatThrownBy(() -> SelfDescribingJson.parse(text))
                .isInstanceOf(IgluParseException.class)
                .extracting(e -> ((IgluParseException) e).reason())
                .isEqualTo(reason);
    }
}
