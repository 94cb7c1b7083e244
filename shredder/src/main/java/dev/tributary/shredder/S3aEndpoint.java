package dev.tributary.shredder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points S3A at a non-AWS endpoint (MinIO, the embedded S3) with the AWS SDKs' standard variables,
 * {@code AWS_ENDPOINT_URL_S3} then {@code AWS_ENDPOINT_URL}, so one setting serves every component of the
 * pipeline. Such endpoints are addressed path-style; plain {@code http://} turns TLS off. Without either
 * variable nothing is set and S3A talks to AWS as configured by the cluster.
 */
public final class S3aEndpoint {

    private S3aEndpoint() {
    }

    public static Map<String, String> hadoopSettings(Map<String, String> environment) {
        String endpoint = environment.get("AWS_ENDPOINT_URL_S3");
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = environment.get("AWS_ENDPOINT_URL");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (endpoint == null || endpoint.isBlank()) {
            return settings;
        }
        settings.put("fs.s3a.endpoint", endpoint.strip());
        settings.put("fs.s3a.path.style.access", "true");
        if (endpoint.strip().startsWith("http://")) {
            settings.put("fs.s3a.connection.ssl.enabled", "false");
        }
        String region = environment.get("AWS_REGION");
        if (region != null && !region.isBlank()) {
            settings.put("fs.s3a.endpoint.region", region.strip());
        }
        return settings;
    }
}
