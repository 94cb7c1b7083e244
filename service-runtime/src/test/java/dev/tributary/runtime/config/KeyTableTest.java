package dev.tributary.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyTableTest {

    @Test
    void everyKnownKeyIsARowWithDefaultVariableAndComment() {
        String table = KeyTable.markdown("demo", "demo", getClass().getClassLoader(), Secrets.defaults());
        List<String> rows = table.lines().toList();

        assertThat(rows.get(0)).isEqualTo("| key | default | environment variable | meaning |");
        assertThat(rows).contains("| `port` | `8080` | `TRIBUTARY_DEMO_PORT` |  |")
                .contains("| `kafka.password` | `******` | `TRIBUTARY_DEMO_KAFKA_PASSWORD` |  |")
                .contains("| `producer` | `{}` | `TRIBUTARY_DEMO_PRODUCER` | open: free-form entries, like a Kafka"
                        + " producer's properties |");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("| `behaviour` | `\"\"` | `TRIBUTARY_DEMO_BEHAVIOUR` |")
                .contains("what the demo service does at start"));
        // header, separator, one row per known key
        assertThat(rows).hasSize(2 + ConfigLoader.forService("demo", "demo").load().environmentNames().size());
    }
}
