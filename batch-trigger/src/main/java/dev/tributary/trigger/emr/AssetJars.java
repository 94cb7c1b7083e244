package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.S3Location;

/**
 * Where Tributary's jars live under {@code aws.s3.buckets.assets}, in the layout Snowplow used for its own
 * ({@code 4-storage/<artifact>/<artifact>-<version>.jar}), so an assets bucket can hold both.
 */
public record AssetJars(S3Location assets, String version) {

    public static final String SHREDDER_MAIN = "dev.tributary.shredder.ShredderMain";
    public static final String LOADER_MAIN = "dev.tributary.warehouse.WarehouseLoaderMain";

    public String shredderJar() {
        return "s3://" + assets.bucket() + "/" + shredderKey();
    }

    public String loaderJar() {
        return "s3://" + assets.bucket() + "/" + loaderKey();
    }

    public String shredderKey() {
        return assets.key("4-storage/tributary-shredder/shredder-" + version + ".jar");
    }

    public String loaderKey() {
        return assets.key("4-storage/tributary-warehouse-loader/warehouse-loader-" + version + ".jar");
    }
}
