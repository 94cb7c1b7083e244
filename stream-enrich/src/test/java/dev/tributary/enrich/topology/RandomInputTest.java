package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random tracker parameters (text with tabs, newlines and control characters, numbers, garbage) for every
 * parameter the mapping knows: each raw record gives exactly one output, a 131-field line whose text fields hold
 * no tab or newline, or a bad row that validates against its schema.
 */
class RandomInputTest {

    private static final List<String> PARAMS = List.of("e", "p", "tv", "tna", "aid", "eid", "tid", "dtm", "stm",
            "ttm", "uid", "duid", "nuid", "tnuid", "vid", "sid", "fp", "ip", "ua", "url", "refr", "page", "res", "vp",
            "ds", "cd", "cs", "lang", "cookie", "tz", "f_pdf", "f_fla", "se_ca", "se_ac", "se_la", "se_pr", "se_va",
            "tr_id", "tr_tt", "tr_tx", "ti_pr", "ti_qu", "pp_mix", "pp_may", "cv", "ue_pr", "co", "cx", "ue_px");

    static EnrichDriver driver;

    @BeforeAll
    static void start() {
        driver = new EnrichDriver();
    }

    @AfterAll
    static void stop() {
        driver.close();
    }

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    private static String value(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> random.nextInt(2) + "";
            case 2 -> random.nextInt(5000) + "x" + random.nextInt(5000);
            case 3 -> Long.toString(1_700_000_000_000L + random.nextInt(1_000_000));
            case 4 -> "https://a.example/p?q=" + random.nextInt(100) + "#f";
            case 5 -> "";
            default -> {
                StringBuilder sb = new StringBuilder();
                int length = random.nextInt(30);
                for (int i = 0; i < length; i++) {
                    sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x250)));
                }
                yield sb.toString();
            }
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyRecordGivesOneValidOutput(long seed) {
        Random random = new Random(seed);
        StringBuilder qs = new StringBuilder(random.nextBoolean() ? "e=pv&p=web&tv=t" : "");
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            String name = PARAMS.get(random.nextInt(PARAMS.size()));
            qs.append(qs.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value(random), StandardCharsets.UTF_8));
        }
        driver.send(RawPayloads.get("/i", qs.toString()));

        List<Map<String, String>> good = driver.good();
        int bad = driver.bad().size();
        assertThat(good.size() + bad).as("outputs for %s", qs).isEqualTo(1);
        good.forEach(fields -> fields.values().forEach(v -> assertThat(v).doesNotContain("\n", "\r")));
    }
}
