package dev.tributary.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RawQueryTest {

    @ParameterizedTest(name = "{0} decodes to {1}")
    @CsvSource(delimiter = '|', value = {
            "nuid|nuid",
            "a+b|a b",
            "caf%C3%A9|café",
            "%2B1|+1",
            "100%25|100%"})
    void formDecoding(String raw, String decoded) {
        assertThat(RawQuery.decode(raw)).contains(decoded);
    }

    @ParameterizedTest(name = "{0} is not decodable")
    @CsvSource(delimiter = '|', value = {"%|truncated escape", "%4|truncated escape", "%zz|not hex",
            "%C3%28|invalid UTF-8", "é|unescaped non-ASCII"})
    void undecodableTextIsEmptyNotAnError(String raw, String why) {
        assertThat(RawQuery.decode(raw)).as(why).isEmpty();
    }

    @Test
    void paramFindsTheFirstValueByDecodedName() {
        RawQuery query = RawQuery.parse("/i?e=pv&n%75id=first&nuid=second&flag&bad=%zz");

        assertThat(query.path()).isEqualTo("/i");
        assertThat(query.param("nuid")).contains("first");
        assertThat(query.param("flag")).contains("");
        assertThat(query.param("bad")).isEmpty();
        assertThat(query.param("missing")).isEqualTo(Optional.empty());
    }

    @Test
    void theQueryStringIsKeptAsReceivedWithHighBytesEscaped() {
        RawQuery query = RawQuery.parse("/i?page=caf\u00e9&x=%zz#fragment");

        assertThat(query.query()).isEqualTo("page=caf%E9&x=%zz");
    }
}
