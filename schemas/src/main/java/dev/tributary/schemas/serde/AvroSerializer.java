package dev.tributary.schemas.serde;

import dev.tributary.schemas.registry.HttpSchemaRegistryClient;
import dev.tributary.schemas.registry.SchemaRegistryClient;
import dev.tributary.schemas.registry.SubjectNameStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialises generated Avro records in the Confluent wire format, registering (or looking up) the
 * record's schema under the subject chosen by the {@link SubjectNameStrategy}.
 *
 * <p>Build it with a client for direct use, or let Kafka build it by class name and {@link #configure}
 * it from {@link AvroSerdeConfig} keys. Safe for the producer's concurrent callers.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private SubjectNameStrategy subjects;
    private boolean autoRegister;
    private boolean isKey;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka's reflective instantiation; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    public AvroSerializer(SchemaRegistryClient registry, SubjectNameStrategy subjects, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.subjects = subjects;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    /** A value serializer with the topic-name strategy and auto-registration, as Confluent's default. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this(registry, SubjectNameStrategy.TOPIC_NAME, true, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.registry = new HttpSchemaRegistryClient(config.registryUrl());
        this.subjects = SubjectNameStrategy.TOPIC_NAME;
        this.autoRegister = config.autoRegister();
        this.isKey = isKey;
    }

    /**
     * The id records of {@code topic} with {@code schema} are written with: registered (or looked up) under this
     * serializer's subject, as {@link #serialize} does, and cached by the client. Calling it at start-up moves the
     * registry round trip off the first record.
     */
    public int schemaId(String topic, Schema schema) {
        String subject = subjects.subject(topic, isKey, schema);
        return autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Schema schema = record.getSchema();
        DatumWriter<T> writer = writers.computeIfAbsent(schema, ignored -> {
            TrustedTypes.trust(record.getClass());
            return new SpecificDatumWriter<>(schema);
        });
        int schemaId = schemaId(topic, schema);

        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] header = new byte[WireFormat.HEADER_SIZE];
        WireFormat.writeHeader(schemaId, header);
        out.writeBytes(header);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + schema.getFullName() + " for topic " + topic, e);
        }
        return out.toByteArray();
    }
}
