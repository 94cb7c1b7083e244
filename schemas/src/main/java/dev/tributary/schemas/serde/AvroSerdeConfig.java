package dev.tributary.schemas.serde;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings a serde reads from Kafka client properties when Kafka instantiates it by class name.
 * Key names follow Confluent's serializers so existing client configs carry over.
 */
public record AvroSerdeConfig(URI registryUrl, boolean autoRegister) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Fully qualified name of the generated Avro class a deserializer produces. */
    public static final String SPECIFIC_TYPE = "specific.avro.type";

    static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url,
                    "required: the schema registry base URL, e.g. http://localhost:8081");
        }
        URI registryUrl;
        try {
            registryUrl = URI.create(url.toString().split(",")[0].trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, "expected an http(s) URL");
        }
        Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
        boolean autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
        return new AvroSerdeConfig(registryUrl, autoRegister);
    }
}
