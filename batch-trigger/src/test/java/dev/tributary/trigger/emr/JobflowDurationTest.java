package dev.tributary.trigger.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobflowDurationTest {

    @ParameterizedTest
    @CsvSource({"1d12h, PT36H", "6h, PT6H", "30m, PT30M", "2h30m, PT2H30M", "1d, PT24H", "90s, PT1M30S",
        "1d2h3m4s, PT26H3M4S", "0d5m, PT5M"})
    void parsesEmrEtlRunnersForm(String text, Duration expected) {
        assertThat(JobflowDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0m", "0d0h", "6", "h", "1.5h", "1h 30m", " 6h", "6H", "30min", "250ms", "12h1d",
        "1h1h", "-1h", "1w", "99999999999999999999d"})
    void refusesAnythingElseNamingTheOptionAndTheForm(String text) {
        assertThatThrownBy(() -> JobflowDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--persistent-jobflow-duration: expected a duration like 1d12h, 6h or 30m")
                .hasMessageContaining("got \"" + text + "\"");
    }

    /** Seeded: any units largest first parse to their sum; the same parts in another order are refused. */
    @ParameterizedTest
    @MethodSource("randomDurations")
    void unitsLargestFirstParseToTheirSumAndOtherOrdersAreRefused(List<String> parts, Duration sum) {
        assertThat(JobflowDuration.parse(String.join("", parts))).isEqualTo(sum);
        if (parts.size() > 1) {
            List<String> reversed = new ArrayList<>(parts);
            java.util.Collections.reverse(reversed);
            assertThatThrownBy(() -> JobflowDuration.parse(String.join("", reversed)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Stream<Arguments> randomDurations() {
        Random random = new Random(20261201L);
        String[] units = {"d", "h", "m", "s"};
        return IntStream.range(0, 40).mapToObj(i -> {
            List<String> parts = new ArrayList<>();
            Duration sum = Duration.ZERO;
            for (String unit : units) {
                if (random.nextBoolean()) {
                    int n = 1 + random.nextInt(500);
                    parts.add(n + unit);
                    sum = sum.plus(switch (unit) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
                }
            }
            if (parts.isEmpty()) {
                parts.add("7m");
                sum = Duration.ofMinutes(7);
            }
            return Arguments.of(parts, sum);
        });
    }
}
