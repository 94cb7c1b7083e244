package dev.tributary.loader;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tributary.loader.config.EncryptionConfig;
import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.Purpose;
import dev.tributary.loader.testing.SharedInfra;
import dev.tributary.loader.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * The SSE-C key goes to S3 with every request and nowhere else: not into any log line (at any level, stack traces
 * included) nor into the error a refused start reports.
 */
class SecretsInLogsTest {

    private static final String CUSTOMER_KEY = Base64.getEncoder().encodeToString(
            "customer-key-32-bytes-long-!!!!!".getBytes(StandardCharsets.US_ASCII));

    @Test
    void theCustomerKeyIsNeverLogged() {
        SharedInfra infra = SharedInfra.get();
        LoaderConfig config = TestConfigs.withEncryption(
                TestConfigs.loader(Purpose.ENRICHED_EVENTS, "secrets-in-logs", "secrets-in-logs", "{yyyy}"),
                new EncryptionConfig(EncryptionConfig.Mode.SSE_C, Optional.empty(), Map.of(), false,
                        Optional.of(CUSTOMER_KEY)));
        infra.kafka.createTopic(config.input().topic(), 1);

        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // DEBUG where a key could surface: the SDK (request and signer logs) and our own code.
        List<Logger> verbose = List.of(logging.getLogger("software.amazon.awssdk"), logging.getLogger("dev.tributary"));
        List<Logger> signers = List.of(
                logging.getLogger("software.amazon.awssdk.http.auth.aws.internal.signer"),
                logging.getLogger("software.amazon.awssdk.auth.signer"));
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        verbose.forEach(l -> l.setLevel(Level.DEBUG));
        List<String> outcome = new ArrayList<>();
        try {
            // Started or refused by the server's SSE-C support: either way nothing may print the key.
            try (S3Loader loader = S3Loader.start(config, infra.s3Client)) {
                outcome.add("started " + loader.config());
            } catch (RuntimeException e) {
                outcome.add("refused " + e);
            }
        } finally {
            verbose.forEach(l -> l.setLevel(null));
            signers.forEach(l -> l.setLevel(null));
            root.detachAppender(captured);
        }

        // The SDK did log the signed requests, only not the key (the guard capped the signer and said so).
        assertThat(captured.list).anySatisfy(e -> assertThat(e.getLoggerName()).startsWith("software.amazon.awssdk"));
        assertThat(captured.list).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("SSE-C signer DEBUG logging capped at INFO");
            assertThat(pairs(e)).containsEntry("loader", config.name())
                    .containsEntry("reason", "its DEBUG lines carry the SSE-C key")
                    .containsKey("signer_logger");
            assertThat(pairs(e).get("signer_logger")).isIn(signers.stream().map(Logger::getName).toList());
        });
        for (ILoggingEvent event : captured.list) {
            // Everything a log line carries: the message, its key-value pairs (fields) and any stack trace.
            String text = event.getFormattedMessage() + " " + pairs(event)
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(CUSTOMER_KEY);
        }
        assertThat(outcome).singleElement().asString().doesNotContain(CUSTOMER_KEY);
    }

    /** The event's SLF4J key-value pairs, values as the layout writes them. */
    private static Map<String, String> pairs(ILoggingEvent event) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                pairs.put(kv.key, String.valueOf(kv.value));
            }
        }
        return pairs;
    }
}
