package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.collector.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs the collector from HOCON: {@code reference.conf} defaults, environment overrides, and an optional file
 * given as {@code --config <path>} or {@code -Dconfig.file=<path>}. SIGTERM and SIGINT shut it down gracefully
 * and the process exits 0.
 */
public final class CollectorMain {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorMain.class);

    private CollectorMain() {
    }

    public static void main(String[] args) {
        CollectorConfig config;
        try {
            config = load(args);
        } catch (InvalidConfigException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CollectorServer server = CollectorServer.start(config);
        System.out.println("collector: " + server.url());
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            LOG.info("event=shutdown_requested");
            server.close();
            stopped.countDown();
        };
        // Handling the signal ourselves (rather than a shutdown hook) lets the process finish and exit 0.
        Signal.handle(new Signal("TERM"), s -> new Thread(stop, "collector-shutdown").start());
        Signal.handle(new Signal("INT"), s -> new Thread(stop, "collector-shutdown").start());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    static CollectorConfig load(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--config: expected a path to a HOCON file");
                }
                return CollectorConfig.fromFile(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return CollectorConfig.fromFile(Path.of(args[i].substring("--config=".length())));
            }
            throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: CollectorMain [--config <file>]");
        }
        String file = System.getProperty("config.file");
        return file == null ? CollectorConfig.defaults() : CollectorConfig.fromFile(Path.of(file));
    }
}
