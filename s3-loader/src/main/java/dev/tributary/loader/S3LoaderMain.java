package dev.tributary.loader;

import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.runtime.cli.ServiceDefinition;
import dev.tributary.runtime.cli.ServiceRunner;

/**
 * {@code s3-loader [--config FILE] [--print-config] [--strict-config]}: the runtime's main runner (options, config
 * precedence, {@code /health} {@code /metrics}, exit codes 0 / 1 / 2; see service-runtime/README.md).
 */
public final class S3LoaderMain {

    public static final ServiceDefinition<LoaderConfig> DEFINITION = ServiceDefinition
            .builder(LoaderConfig.SERVICE, LoaderConfig::from, S3LoaderService::new)
            .configRoot(LoaderConfig.ROOT)
            .description("Kafka consumer writing buffered, gzipped, encrypted objects to S3")
            .secretMarkers(LoaderConfig.SECRET_MARKERS.toArray(String[]::new))
            .versionOf(S3LoaderMain.class)
            .build();

    private S3LoaderMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.main(DEFINITION, args);
    }
}
