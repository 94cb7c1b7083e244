package dev.tributary.enrich.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ValuesTest {

    static Stream<String> randomTexts() {
        Random random = new Random(20260301L);
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                // printable ASCII, Latin-1 and some multi-byte characters, which produce every base64 tail length
                int pick = random.nextInt(10);
                sb.appendCodePoint(pick < 7 ? 32 + random.nextInt(95) : pick < 9 ? 0xa0 + random.nextInt(0x5f)
                        : 0x1F600 + random.nextInt(50));
            }
            return sb.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void base64UrlDecodesWithAndWithoutPaddingAndFromTheStandardAlphabet(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Values.base64Url(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEqualTo(text);
        assertThat(Values.base64Url(Base64.getUrlEncoder().encodeToString(bytes))).isEqualTo(text);
        assertThat(Values.base64Url(Base64.getEncoder().encodeToString(bytes))).isEqualTo(text);
    }

    @Test
    void rejectsWhatDoesNotFitTheField() {
        assertThatThrownBy(() -> Values.base64Url("***")).hasMessageContaining("base64url");
        assertThatThrownBy(() -> Values.integer("1.5")).hasMessageContaining("integer");
        assertThatThrownBy(() -> Values.decimal("1,5")).hasMessageContaining("decimal");
        assertThatThrownBy(() -> Values.flag("true")).hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> Values.millis("-62167219200001")).hasMessageContaining("Redshift");
        assertThatThrownBy(() -> Values.uuid("123")).hasMessageContaining("UUID");
        assertThatThrownBy(() -> Values.dimensions("1920*1080")).hasMessageContaining("WIDTHxHEIGHT");
    }

    @Test
    void acceptsTheEdgesOfTheirRanges() {
        assertThat(Values.millis("0").toEpochMilli()).isZero();
        assertThat(Values.millis("253402300799999").toString()).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(Values.uuid("0B1C2D3E-4F50-4A61-8B72-9C83D4E5F607")).isEqualTo("0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607");
        assertThat(Values.dimensions("0x0")).containsExactly(0, 0);
        assertThat(Values.lenientInteger("-3.9")).isEqualTo(-3);
    }
}
