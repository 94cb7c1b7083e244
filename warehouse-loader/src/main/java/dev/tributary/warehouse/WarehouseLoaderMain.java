package dev.tributary.warehouse;

/** {@code java -cp ... dev.tributary.warehouse.WarehouseLoaderMain --run ... --target ...}. */
public final class WarehouseLoaderMain {

    private WarehouseLoaderMain() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: logback's defaults would print the AWS SDK's and pgjdbc's DEBUG lines.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "warehouse-loader-logback.xml");
        }
        System.exit(WarehouseLoaderCli.run(args));
    }
}
