package dev.tributary.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.badrows.NameValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerystringTest {

    @Test
    void pairsInOrderDecodedWithPlusAsSpace() {
        assertThat(Querystring.parse("a=1&b=x%20y+z&&flag&a=2")).containsExactly(
                new NameValue("a", "1"), new NameValue("b", "x y z"), new NameValue("flag", null),
                new NameValue("a", "2"));
    }

    @Test
    void mapKeepsTheLastDuplicateAndMapsBareFlagsToEmpty() {
        assertThat(Querystring.toMap(Querystring.parse("a=1&flag&a=2")))
                .containsExactly(Map.entry("a", "2"), Map.entry("flag", ""));
    }

    @Test
    void charsetIsTheRequestsOne() {
        assertThat(Querystring.parse("n=%E9", StandardCharsets.ISO_8859_1)).containsExactly(new NameValue("n", "é"));
        assertThat(Querystring.parse("n=%C3%A9")).containsExactly(new NameValue("n", "é"));
    }

    @Test
    void emptyAndNullAreNoPairs() {
        assertThat(Querystring.parse(null)).isEmpty();
        assertThat(Querystring.parse("")).isEmpty();
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertThatThrownBy(() -> Querystring.parse("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
