package dev.tributary.loader.consume;

import dev.tributary.runtime.Version;
import dev.tributary.schemas.badrows.GenericError;
import dev.tributary.schemas.badrows.Processor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends a generic_error bad row for a record the loader cannot write; the send is awaited before commit. */
public final class BadRowSink implements AutoCloseable {

    public static final Processor PROCESSOR = new Processor("tributary-s3-loader", Version.of(BadRowSink.class));

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Clock clock;

    public BadRowSink(Producer<byte[], byte[]> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    public Future<RecordMetadata> send(String error, String payload) {
        GenericError row = new GenericError(PROCESSOR, clock.instant(), List.of(error), payload);
        return producer.send(new ProducerRecord<>(topic, row.toJsonLine().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
