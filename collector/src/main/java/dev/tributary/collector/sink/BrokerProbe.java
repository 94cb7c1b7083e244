package dev.tributary.collector.sink;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an unhealthy sink back without traffic. Only an acknowledged write used to mark the sink healthy again,
 * but a load balancer that routes on {@code /ready} sends no request to an instance it took out, so the instance
 * would stay out after Kafka recovered. While the sink is unhealthy this asks the brokers, every
 * {@code interval}, whether every partition of the raw topic has a leader; the next write confirms (or refutes) it.
 */
final class BrokerProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);

    private final Properties adminProperties;
    private final String topic;
    private final AtomicBoolean healthy;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private Admin admin; // created on the first outage: a healthy collector opens no extra connections

    BrokerProbe(Properties producerProperties, String topic, AtomicBoolean healthy, Duration interval,
            Duration timeout) {
        this.adminProperties = adminSubset(producerProperties);
        this.topic = topic;
        this.healthy = healthy;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "collector-broker-probe");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::probeIfUnhealthy, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The producer's connection and security settings, without producer-only keys the admin client would warn about. */
    static Properties adminSubset(Properties producerProperties) {
        Properties p = new Properties();
        producerProperties.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k.toString())) {
                p.put(k, v);
            }
        });
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, producerProperties.getProperty("client.id", "collector") + "-probe");
        return p;
    }

    private void probeIfUnhealthy() {
        if (healthy.get()) {
            return;
        }
        try {
            if (admin == null) {
                admin = Admin.create(adminProperties);
            }
            TopicDescription description = admin.describeTopics(List.of(topic),
                            new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .allTopicNames().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).get(topic);
            boolean writable = description.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (writable && healthy.compareAndSet(false, true)) {
                LOG.atInfo().addKeyValue("topic", topic).log("brokers answer again; sink marked healthy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still down: the next probe asks again.
            LOG.atDebug().addKeyValue("exception", e.getClass().getSimpleName()).log("broker probe failed");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
