package dev.tributary.loader;

import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.loader.config.LoaderConfigException;
import dev.tributary.loader.config.LoaderConfigReader;
import dev.tributary.loader.upload.EncryptionProbe;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java dev.tributary.loader.S3LoaderMain [config.hocon]}: reference.conf, then the file, then environment
 * variables (see reference.conf) and system properties. Exit code 2 for invalid configuration, 1 for a failed start
 * or for a loader that stopped on its own after starting (an S3 error that is not retried, a broker refusing a
 * commit ...): a supervisor (systemd, Kubernetes) then sees the failure and restarts it, and the restart replays from
 * the last committed offset.
 */
public final class S3LoaderMain {

    /** A failed start, or a loader that stopped by itself after starting. */
    public static final int EXIT_FAILED = 1;

    private S3LoaderMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists: Kafka's clients log every config at INFO under logback's defaults.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "s3-loader-logback.xml");
        }
        LoaderConfig config;
        try {
            config = LoaderConfigReader.load(args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty());
        } catch (LoaderConfigException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        S3Loader loader;
        try {
            loader = S3Loader.start(config);
        } catch (EncryptionProbe.EncryptionRefusedException | LoaderConfigException e) {
            System.err.println("The s3-loader did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        AtomicBoolean shuttingDown = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown.set(true);
            loader.close();
        }, "s3-loader-shutdown"));
        System.out.println(config.name() + ": s3://" + config.s3().bucket() + "/" + config.s3().prefix() + "/");
        loader.awaitTermination();
        if (!shuttingDown.get()) {
            // The consumer thread ended without being asked to: a process that stays up here would look alive to
            // its supervisor while loading nothing. System.exit runs the shutdown hook, which closes the rest.
            System.err.println("The s3-loader stopped: " + (loader.failure() == null ? "consumer thread ended"
                    : loader.failure()));
            System.exit(EXIT_FAILED);
        }
    }
}
