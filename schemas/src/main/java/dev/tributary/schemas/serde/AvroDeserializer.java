package dev.tributary.schemas.serde;

import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaNotFoundException;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a generated record type, resolving the writer's schema (by
 * the id in the header) against the reader type, so producers may evolve the schema compatibly.
 *
 * <p>Bytes that cannot be read raise {@link WireFormatException} with the raw bytes; a registry that
 * cannot be reached raises {@link dev.tributary.schemas.registry.SchemaRegistryException} instead,
 * because that is an outage to retry, not a bad record.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.registry = registry;
        TrustedTypes.trust(type);
        this.readerSchema = SpecificData.get().getSchema(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        Object typeName = configs.get(AvroSerdeConfig.SPECIFIC_TYPE);
        if (typeName == null) {
            throw new ConfigException(AvroSerdeConfig.SPECIFIC_TYPE, null,
                    "required: the generated Avro class to read, e.g. dev.tributary.schemas.avro.CollectorPayload");
        }
        try {
            Class<?> type = Class.forName(typeName.toString());
            TrustedTypes.trust(type);
            this.readerSchema = SpecificData.get().getSchema(type);
        } catch (ClassNotFoundException | AvroRuntimeException e) {
            throw new ConfigException(AvroSerdeConfig.SPECIFIC_TYPE, typeName, "expected a generated Avro class name");
        }
        this.registry = new HttpSchemaRegistryClient(config.registryUrl());
    }

    @Override
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int schemaId = WireFormat.schemaId(topic, bytes);
        DatumReader<T> reader = readerFor(topic, bytes, schemaId);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
        try {
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(WireFormatException.Reason.UNREADABLE, topic, bytes,
                        "Trailing bytes after the Avro record of schema id " + schemaId, null);
            }
            return record;
        } catch (EOFException e) {
            throw new WireFormatException(WireFormatException.Reason.TRUNCATED, topic, bytes,
                    "Avro body ends early for schema id " + schemaId, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WireFormatException wire) {
                throw wire;
            }
            throw new WireFormatException(WireFormatException.Reason.UNREADABLE, topic, bytes,
                    "Cannot decode Avro body with schema id " + schemaId + ": " + e, e);
        }
    }

    private DatumReader<T> readerFor(String topic, byte[] bytes, int schemaId) {
        DatumReader<T> cached = readers.get(schemaId);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(schemaId);
        } catch (SchemaNotFoundException e) {
            throw new WireFormatException(WireFormatException.Reason.UNKNOWN_SCHEMA_ID, topic, bytes,
                    "Schema id " + schemaId + " is not in the registry", e);
        }
        DatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema);
        readers.put(schemaId, reader);
        return reader;
    }
}
