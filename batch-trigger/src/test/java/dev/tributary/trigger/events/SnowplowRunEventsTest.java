package dev.tributary.trigger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.run.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Faults of the collector never reach the run: an event that cannot be sent is logged once, and the run's later
 * events are dropped instead of each waiting for its own timeout. (Delivery itself is tested against the real
 * collector in {@code MonitoringEventsTest}.)
 */
@Timeout(60)
class SnowplowRunEventsTest {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(DirectEmitter.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    static SnowplowRunEvents events(int port, String method) {
        return new SnowplowRunEvents(new TriggerConfig.SnowplowMonitoring(method, "http", port, "app", "127.0.0.1"),
                Map.of("name", "tributary-trigger", "version", "test"), TIMEOUT);
    }

    List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()).toList();
    }

    @Test
    void aCollectorThatNeverAnswersGetsOneRequestAndOneLogLine() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept()); // accepted, never read, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SnowplowRunEvents events = events(blackHole.getLocalPort(), "get");

            events.runStarted("2026-12-01-09-00-00", "local", List.of("staging_stream_enrich"));
            events.runFinished(ExitCode.SUCCESS, List.of());
            events.close();

            assertThat(events.failed()).isTrue();
            assertThat(warnings()).hasSize(1);
            assertThat(warnings().get(0)).contains("monitoring event not sent")
                    .contains("http://127.0.0.1:" + blackHole.getLocalPort());
            // The second event was dropped, not sent to wait out its own timeout. (close() has returned: nothing is
            // sending any more; the wait is only for the acceptor thread to collect the one connection.)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(held).hasSize(1));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aRefusedConnectionIsLoggedOnceAndNothingThrows() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SnowplowRunEvents events = events(closedPort, "post");

        events.runStarted("2026-12-01-09-00-00", "local", List.of("staging_stream_enrich"));
        events.runFinished(ExitCode.FAILURE, List.of());
        events.close();

        assertThat(events.failed()).isTrue();
        assertThat(warnings()).singleElement().asString().contains("ConnectException");
    }

    @Test
    void aRunThatNeverStartedSendsNothing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SnowplowRunEvents events = events(closedPort, "get");

        events.runFinished(ExitCode.LOCK_HELD, List.of());
        events.close();

        assertThat(events.failed()).isFalse(); // nothing was attempted
        assertThat(warnings()).isEmpty();
    }
}
