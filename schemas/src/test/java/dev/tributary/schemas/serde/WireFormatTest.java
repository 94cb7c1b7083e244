package dev.tributary.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void theHeaderIsMagicByteZeroThenTheIdBigEndian() {
        byte[] bytes = new byte[WireFormat.HEADER_SIZE + 2];
        WireFormat.writeHeader(0x01020304, bytes);

        assertThat(bytes).startsWith(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId("raw", bytes)).isEqualTo(0x01020304);
    }

    @Test
    void aWrongMagicByteIsATypedErrorCarryingTheBytes() {
        byte[] bytes = {1, 0, 0, 0, 7, 42};

        assertThatThrownBy(() -> WireFormat.schemaId("raw", bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WireFormatException.Reason.WRONG_MAGIC_BYTE);
                    assertThat(e.rawBytes()).isEqualTo(bytes);
                    assertThat(e.topic()).isEqualTo("raw");
                });
    }

    @Test
    void fewerBytesThanTheHeaderAreTruncated() {
        byte[] bytes = {0, 0, 1};

        assertThatThrownBy(() -> WireFormat.schemaId("raw", bytes))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WireFormatException.Reason.TRUNCATED);
                    assertThat(e.rawBytes()).isEqualTo(bytes);
                });
    }

    @Test
    void aSerdeWithoutRegistryUrlNamesTheKey() {
        assertThatThrownBy(() -> new AvroSerializer<>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        assertThatThrownBy(() -> new AvroDeserializer<>().configure(
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://localhost:1"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AvroSerdeConfig.SPECIFIC_TYPE);
    }
}
