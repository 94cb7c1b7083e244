package dev.tributary.collector.sink;

import dev.tributary.collector.config.CollectorConfig.SinkSettings;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka producer properties that make "acknowledged" mean "stored by every in-sync replica, once". */
final class ProducerSettings {

    private ProducerSettings() {
    }

    static Properties of(SinkSettings sink, String clientId) {
        Properties p = new Properties();
        // Throughput defaults a user may change: collector records are small and arrive from many requests.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // User overrides next, so the durability settings below cannot be weakened by accident.
        p.putAll(sink.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sink.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        long linger = sink.linger().toMillis();
        long delivery = sink.deliveryTimeout().toMillis();
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(delivery));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(30_000, delivery - linger)));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(sink.maxBlock().toMillis()));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(sink.bufferMemory()));
        // Room for a full record plus batch and record headers; the splitter keeps values under maxRecordBytes.
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(Math.max(1_048_576, sink.maxRecordBytes() + 65_536)));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
