package dev.tributary.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LogLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "two words", "say \"hi\"", "C:\\path\\file", "a=b", "", "line1\nline2\r\n",
            "tab\there", "ünïcödé ✓", "ends with space ", "bell\u0007", "k=v x=\"y\""})
    void everyValueSurvivesALogfmtRoundTrip(String value) {
        String line = new LogLine().fixed("msg", value).extra("path", value).logfmt();

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(LogfmtParser.parse(line)).containsExactly(Map.entry("msg", value), Map.entry("path", value));
    }

    @Test
    void valuesAreQuotedOnlyWhenTheyNeedIt() {
        assertThat(new LogLine().fixed("level", "INFO").fixed("msg", "started").extra("port", "8080").logfmt())
                .isEqualTo("level=INFO msg=started port=8080");
        assertThat(new LogLine().fixed("msg", "event=started port=8080").logfmt())
                .isEqualTo("msg=\"event=started port=8080\"");
    }

    @Test
    void keysAreSanitisedAndCannotHideTheLayoutsFields() {
        LogLine line = new LogLine().fixed("msg", "m").extra("msg", "from-kv").extra("user id", "u")
                .extra("msg", "from-mdc");

        assertThat(LogfmtParser.parse(line.logfmt())).containsExactly(Map.entry("msg", "m"),
                Map.entry("_msg", "from-kv"), Map.entry("user_id", "u"), Map.entry("__msg", "from-mdc"));
    }

    @Test
    void jsonLinesParseBackToTheSameFields() throws Exception {
        LogLine line = new LogLine().fixed("msg", "quote \" backslash \\ newline \n").extra("n", "1")
                .extra("ctrl", "\u0001\u2028");

        @SuppressWarnings("unchecked")
        Map<String, String> parsed = new ObjectMapper().readValue(line.json(), LinkedHashMap.class);

        assertThat(line.json()).doesNotContain("\n");
        assertThat(parsed).containsExactly(Map.entry("msg", "quote \" backslash \\ newline \n"),
                Map.entry("n", "1"), Map.entry("ctrl", "\u0001\u2028"));
    }

    @Test
    void aRunawayValueIsCutSoTheLineStaysBounded() {
        String huge = "x".repeat(LogLine.MAX_VALUE * 3);

        Map<String, String> parsed = LogfmtParser.parse(new LogLine().fixed("stack", huge).extra("k", huge).logfmt());

        assertThat(parsed.get("stack")).hasSize(LogLine.MAX_VALUE + LogLine.TRUNCATED.length())
                .endsWith(LogLine.TRUNCATED);
        assertThat(parsed.get("k")).hasSize(LogLine.MAX_VALUE + LogLine.TRUNCATED.length());
    }

    @Test
    void formatsParseWithAliases() {
        assertThat(LogFormat.parse("JSON")).contains(LogFormat.JSON);
        assertThat(LogFormat.parse("kv")).contains(LogFormat.LOGFMT);
        assertThat(LogFormat.parse(null)).contains(LogFormat.LOGFMT);
        assertThat(LogFormat.parse("xml")).isEmpty();
    }
}
