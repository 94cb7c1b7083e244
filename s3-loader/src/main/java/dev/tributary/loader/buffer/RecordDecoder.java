package dev.tributary.loader.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.loader.config.InputFormat;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.config.TimeSource;
import dev.tributary.loader.key.SchemaGroup;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.serde.AvroDeserializer;
import dev.tributary.schemas.serde.WireFormatException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Turns a Kafka record value into a line for its purpose. Never throws for bad input: anything it cannot read is
 * {@link Decoded.Undecodable}. Registry outages are not bad input and do propagate.
 */
public final class RecordDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLLECTOR_TSTAMP = EnrichedField.COLLECTOR_TSTAMP.position();
    private static final DateTimeFormatter TSTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final Purpose purpose;
    private final InputFormat format;
    private final TimeSource timeSource;
    private final AvroDeserializer<EnrichedEvent> avro;

    public RecordDecoder(Purpose purpose, InputFormat format, TimeSource timeSource,
                         AvroDeserializer<EnrichedEvent> avro) {
        this.purpose = purpose;
        this.format = format;
        this.timeSource = timeSource;
        this.avro = avro;
    }

    public static RecordDecoder forConfig(LoaderConfig config) {
        AvroDeserializer<EnrichedEvent> avro = config.input().format() == InputFormat.AVRO
                ? new AvroDeserializer<>(EnrichedEvent.class,
                        new HttpSchemaRegistryClient(URI.create(config.input().schemaRegistryUrl().orElseThrow())))
                : null;
        return new RecordDecoder(config.purpose(), config.input().format(), config.s3().timeSource(), avro);
    }

    public Decoded decode(String topic, byte[] value, long kafkaTimestamp) {
        if (value == null) {
            return new Decoded.Undecodable("record has no value (tombstone)", "");
        }
        return switch (purpose) {
            case ENRICHED_EVENTS -> format == InputFormat.AVRO ? enrichedAvro(topic, value, kafkaTimestamp)
                    : enrichedTsv(value, kafkaTimestamp);
            case BAD_ROWS -> badRow(value, kafkaTimestamp);
            case RAW -> raw(value, kafkaTimestamp);
        };
    }

    private Decoded enrichedTsv(byte[] value, long kafkaTimestamp) {
        // Scans bytes, not chars: in UTF-8 a tab or line break byte is never part of a multi-byte character, and
        // this runs once per record on the consumer thread.
        int fields = 1;
        int tstampStart = -1;
        int tstampEnd = -1;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            if (b == '\t') {
                if (fields == COLLECTOR_TSTAMP) {
                    tstampStart = i + 1;
                } else if (fields == COLLECTOR_TSTAMP + 1) {
                    tstampEnd = i;
                }
                fields++;
            } else if (b == '\n' || b == '\r') {
                return new Decoded.Undecodable("enriched TSV line contains a line break", text(value));
            }
        }
        if (fields != EnrichedField.COUNT) {
            return new Decoded.Undecodable("expected " + EnrichedField.COUNT + " tab-separated fields, got " + fields,
                    text(value));
        }
        long time = kafkaTimestamp;
        if (timeSource == TimeSource.COLLECTOR) {
            long parsed = Timestamps.parseMillis(value, tstampStart, tstampEnd);
            if (parsed == Long.MIN_VALUE) {
                String tstamp = new String(value, tstampStart, tstampEnd - tstampStart, StandardCharsets.UTF_8);
                try {
                    parsed = LocalDateTime.parse(tstamp, TSTAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException e) {
                    return new Decoded.Undecodable("collector_tstamp is not a timestamp: '" + tstamp + "'",
                            text(value));
                }
            }
            time = parsed;
        }
        return new Decoded.Line(SchemaGroup.NONE, time, value);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private Decoded enrichedAvro(String topic, byte[] value, long kafkaTimestamp) {
        EnrichedEvent event;
        try {
            event = avro.deserialize(topic, value);
        } catch (WireFormatException e) {
            return new Decoded.Undecodable("undecodable Avro EnrichedEvent: " + e.getMessage(),
                    Base64.getEncoder().encodeToString(value));
        }
        long time = kafkaTimestamp;
        if (timeSource == TimeSource.COLLECTOR) {
            if (event.getCollectorTstamp() == null) {
                return new Decoded.Undecodable("EnrichedEvent has no collector_tstamp",
                        Base64.getEncoder().encodeToString(value));
            }
            time = event.getCollectorTstamp().toEpochMilli();
        }
        return new Decoded.Line(SchemaGroup.NONE, time, EnrichedTsv.format(event).getBytes(StandardCharsets.UTF_8));
    }

    private Decoded badRow(byte[] value, long kafkaTimestamp) {
        String text = new String(value, StandardCharsets.UTF_8);
        try {
            JsonNode json = JSON.readTree(value);
            JsonNode schema = json == null ? null : json.get("schema");
            if (schema == null || !schema.isTextual()) {
                return new Decoded.Undecodable("bad row is not a self-describing JSON (no string field 'schema')",
                        text);
            }
            SchemaKey key = SchemaKey.parse(schema.asText());
            // Re-serialised compactly: a JSON line may legally contain raw line breaks between tokens.
            byte[] line = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    ? JSON.writeValueAsBytes(json) : value;
            return new Decoded.Line(new SchemaGroup(key.vendor(), key.name(), key.format(), key.version().model()),
                    kafkaTimestamp, line);
        } catch (java.io.IOException | RuntimeException e) {
            return new Decoded.Undecodable("bad row is not a self-describing JSON: " + e.getMessage(), text);
        }
    }

    private Decoded raw(byte[] value, long kafkaTimestamp) {
        // Confluent wire format: magic byte 0, 4-byte schema id, Avro body. Kept as is (base64 per line) so a replay
        // produces the very same records; only the header is checked here.
        if (value.length < 6 || value[0] != 0) {
            return new Decoded.Undecodable("not a Confluent wire-format Avro record (magic byte 0, schema id, body)",
                    Base64.getEncoder().encodeToString(value));
        }
        return new Decoded.Line(SchemaGroup.NONE, kafkaTimestamp,
                Base64.getEncoder().encode(value));
    }
}
