package dev.tributary.enrich;

import dev.tributary.enrich.app.StreamEnrichApp;
import dev.tributary.enrich.config.EnrichConfig;
import dev.tributary.enrich.config.EnrichConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code stream-enrich [--config FILE] [--resolver FILE] [--enrichments DIR]}: starts enrichment and runs until
 * the JVM is asked to stop. Exits with status 2 on a configuration error, naming the key or file at fault.
 */
public final class StreamEnrichMain {

    private StreamEnrichMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnrichConfig config;
        try {
            config = parse(args);
        } catch (EnrichConfigException | IllegalArgumentException e) {
            System.err.println("stream-enrich: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamEnrichApp app;
        try {
            app = StreamEnrichApp.start(config);
        } catch (RuntimeException e) {
            System.err.println("stream-enrich: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "stream-enrich-shutdown"));
        stopped.await();
    }

    static EnrichConfig parse(String[] args) {
        Path configFile = null;
        Path resolver = null;
        Path enrichments = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--config" -> configFile = Path.of(value);
                case "--resolver" -> resolver = Path.of(value);
                case "--enrichments" -> enrichments = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag
                        + " (expected --config, --resolver, --enrichments)");
            }
        }
        EnrichConfig config = configFile == null ? EnrichConfig.load() : EnrichConfig.load(configFile);
        if (resolver != null) {
            config = config.withResolver(resolver);
        }
        if (enrichments != null) {
            config = config.withEnrichments(enrichments);
        }
        return config;
    }
}
