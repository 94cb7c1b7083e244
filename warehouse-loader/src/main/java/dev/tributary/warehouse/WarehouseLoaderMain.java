package dev.tributary.warehouse;

/** {@code java -cp ... dev.tributary.warehouse.WarehouseLoaderMain --run ... --target ...}. */
public final class WarehouseLoaderMain {

    private WarehouseLoaderMain() {
    }

    public static void main(String[] args) {
        // Before the first log line: service-runtime's layout on stderr (TRIBUTARY_LOG_FORMAT, TRIBUTARY_LOG_LEVEL,
        // the AWS SDK and other libraries at WARN) unless -Dlogback.configurationFile names another file. The
        // batch-trigger's local runner passes its own TRIBUTARY_LOG_* settings, so a run's output reads as one log.
        dev.tributary.runtime.logging.Logging.install();
        System.exit(WarehouseLoaderCli.run(args));
    }
}
