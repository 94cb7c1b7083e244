package dev.tributary.warehouse.target;

import dev.tributary.schemas.iglu.SchemaKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage target schema versions the loader understands, with the keys each one allows and requires
 * (copied from the Iglu Central schemas, which all say {@code additionalProperties: false}).
 */
enum TargetSchema {
    REDSHIFT_2("redshift_config", 2,
            List.of("name", "host", "database", "port", "sslMode", "schema", "username", "password", "maxError",
                    "compRows", "roleArn", "sshTunnel", "id", "purpose"),
            List.of("name", "host", "database", "port", "sslMode", "schema", "username", "password", "maxError",
                    "compRows", "roleArn", "purpose")),
    REDSHIFT_3("redshift_config", 3,
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "roleArn", "maxError", "compRows", "jdbc", "purpose"),
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "roleArn", "maxError", "compRows", "jdbc", "purpose")),
    REDSHIFT_4("redshift_config", 4,
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "roleArn", "maxError", "compRows", "jdbc", "blacklistTabular", "purpose"),
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "roleArn", "maxError", "compRows", "jdbc", "purpose")),
    POSTGRES_1("postgresql_config", 1,
            List.of("name", "host", "database", "port", "sslMode", "schema", "username", "password", "sshTunnel",
                    "id", "purpose"),
            List.of("name", "host", "database", "port", "sslMode", "schema", "username", "password", "purpose")),
    POSTGRES_2("postgresql_config", 2,
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "sslMode", "purpose"),
            List.of("name", "id", "host", "database", "port", "username", "password", "schema", "sshTunnel",
                    "processingManifest", "sslMode", "purpose"));

    static final String VENDOR = "com.snowplowanalytics.snowplow.storage";

    private final String schemaName;
    private final int model;
    private final Set<String> allowed;
    private final List<String> required;

    TargetSchema(String schemaName, int model, List<String> allowed, List<String> required) {
        this.schemaName = schemaName;
        this.model = model;
        this.allowed = Set.copyOf(allowed);
        this.required = required;
    }

    static Optional<TargetSchema> of(SchemaKey key) {
        if (!VENDOR.equals(key.vendor()) || !"jsonschema".equals(key.format())) {
            return Optional.empty();
        }
        for (TargetSchema s : values()) {
            if (s.schemaName.equals(key.name()) && s.model == key.version().model()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    boolean isRedshift() {
        return schemaName.equals("redshift_config");
    }

    /** Only redshift_config 2-x and postgresql_config have a top-level sslMode; later Redshift ones use jdbc.sslMode. */
    boolean hasTopLevelSslMode() {
        return allowed.contains("sslMode");
    }

    Set<String> allowed() {
        return allowed;
    }

    List<String> required() {
        return required;
    }

    static String supportedList() {
        return "iglu:" + VENDOR + "/redshift_config/jsonschema/2-*-*, 3-*-*, 4-*-* and iglu:" + VENDOR
                + "/postgresql_config/jsonschema/1-*-*, 2-*-*";
    }
}
