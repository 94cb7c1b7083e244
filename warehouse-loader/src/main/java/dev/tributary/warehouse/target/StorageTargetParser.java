package dev.tributary.warehouse.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.SchemaKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Snowplow storage target JSONs, so users bring the files they gave RDB Loader. Every problem is a
 * {@link TargetConfigException} naming the key.
 *
 * <p>Passwords may be kept out of the file: a {@code password} (or any {@code ${NAME}} inside it) is replaced
 * with the environment variable {@code NAME}; an unset variable is an error naming {@code password}. The
 * EC2 Parameter Store form ({@code {"ec2ParameterStore": ...}}) is refused with a message pointing at that.
 */
public final class StorageTargetParser {

    private static final Logger LOG = LoggerFactory.getLogger(StorageTargetParser.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * pgjdbc names of the Redshift JDBC driver options in a target's {@code jdbc} object that pgjdbc understands;
     * the others (BlockingRowsMode, DSILogLevel, FilterLevel, ...) are specific to Amazon's driver and skipped.
     */
    private static final Map<String, String> JDBC_KEYS = Map.of(
            "ssl", "ssl",
            "sslMode", "sslmode",
            "sslRootCert", "sslrootcert",
            "loginTimeout", "loginTimeout",
            "socketTimeout", "socketTimeout",
            "tcpKeepAlive", "tcpKeepAlive");

    private final Function<String, String> environment;

    /** @param environment variable lookup, {@code System::getenv} in production */
    public StorageTargetParser(Function<String, String> environment) {
        this.environment = environment;
    }

    public StorageTarget parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new TargetConfigException("(file)", "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (TargetConfigException e) {
            throw new TargetConfigException(e.key(), e.getMessage().substring(e.key().length() + 2) + " (in " + file + ")");
        }
    }

    public StorageTarget parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TargetConfigException("(root)", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TargetConfigException("(root)", "expected a self-describing JSON object {\"schema\": ..., \"data\": ...}");
        }
        JsonNode schemaNode = root.get("schema");
        if (schemaNode == null || !schemaNode.isTextual()) {
            throw new TargetConfigException("schema", "missing; expected one of " + TargetSchema.supportedList());
        }
        SchemaKey key;
        try {
            key = SchemaKey.parse(schemaNode.asText());
        } catch (IgluParseException e) {
            throw new TargetConfigException("schema", e.getMessage());
        }
        TargetSchema schema = TargetSchema.of(key).orElseThrow(() -> new TargetConfigException("schema",
                "unsupported storage target " + key.toUri() + "; expected one of " + TargetSchema.supportedList()));
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new TargetConfigException("data", "missing or not an object");
        }
        return read(schema, data);
    }

    private StorageTarget read(TargetSchema schema, JsonNode data) {
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!schema.allowed().contains(field)) {
                throw new TargetConfigException("data." + field, "unknown key for this schema version");
            }
        }
        for (String field : schema.required()) {
            if (!data.has(field)) {
                throw new TargetConfigException("data." + field, "required");
            }
        }
        String purpose = text(data, "purpose");
        if (!purpose.equals("ENRICHED_EVENTS")) {
            throw new TargetConfigException("data.purpose", "must be ENRICHED_EVENTS, got " + purpose);
        }
        JsonNode tunnel = data.get("sshTunnel");
        if (tunnel != null && !tunnel.isNull()) {
            throw new TargetConfigException("data.sshTunnel",
                    "not supported by this loader; open the tunnel outside it and point host/port at the local end");
        }
        JsonNode manifest = data.get("processingManifest");
        if (manifest != null && !manifest.isNull()) {
            // The load manifest lives in the warehouse itself (see README); the DynamoDB one is not consulted.
            LOG.atWarn().addKeyValue("key", "data.processingManifest")
                    .addKeyValue("reason", "manifest is kept in the warehouse").log("target key ignored");
        }

        String name = text(data, "name");
        String id = data.has("id") && !data.get("id").isNull() ? text(data, "id") : name;
        String host = text(data, "host");
        if (host.isBlank()) {
            throw new TargetConfigException("data.host", "must not be empty");
        }
        int port = integer(data, "port", 1, 65535);
        String database = text(data, "database");
        String dbSchema = text(data, "schema");
        if (!dbSchema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new TargetConfigException("data.schema", "must be a plain SQL identifier, got '" + dbSchema + "'");
        }
        // Unquoted identifiers are folded to lower case by both warehouses; information_schema holds that form.
        dbSchema = dbSchema.toLowerCase(Locale.ROOT);
        String username = text(data, "username");
        Secret password = password(data.get("password"));

        Map<String, String> jdbc = new LinkedHashMap<>();
        SslMode sslMode = SslMode.DISABLE;
        if (schema.hasTopLevelSslMode()) {
            sslMode = sslMode(text(data, "sslMode"), "data.sslMode");
        }
        JsonNode jdbcNode = data.get("jdbc");
        if (jdbcNode != null && !jdbcNode.isNull()) {
            if (!jdbcNode.isObject()) {
                throw new TargetConfigException("data.jdbc", "expected an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = jdbcNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String pgName = JDBC_KEYS.get(e.getKey());
                if (e.getValue().isNull()) {
                    continue;
                }
                if (pgName == null) {
                    LOG.atInfo().addKeyValue("key", "data.jdbc." + e.getKey())
                            .addKeyValue("reason", "Redshift-driver-only option").log("target key ignored");
                    continue;
                }
                jdbc.put(pgName, e.getValue().asText());
            }
            if (jdbc.containsKey("sslmode")) {
                String mode = jdbc.get("sslmode");
                sslMode = sslMode(mode.toUpperCase(Locale.ROOT).replace('-', '_'), "data.jdbc.sslMode");
                jdbc.remove("sslmode");
            } else if ("true".equals(jdbc.get("ssl"))) {
                sslMode = SslMode.REQUIRE;
            }
            jdbc.remove("ssl");
        }

        if (!schema.isRedshift()) {
            return new PostgresTarget(name, id, host, port, database, dbSchema, username, password, sslMode, jdbc);
        }
        String roleArn = text(data, "roleArn");
        if (roleArn.length() < 20) {
            throw new TargetConfigException("data.roleArn", "must be an IAM role ARN (at least 20 characters)");
        }
        int maxError = integer(data, "maxError", 0, 100000);
        int compRows = integer(data, "compRows", 1000, 1_000_000_000);
        return new RedshiftTarget(name, id, host, port, database, dbSchema, username, password, sslMode, jdbc,
                roleArn, maxError, compRows);
    }

    private Secret password(JsonNode node) {
        if (node.isObject()) {
            throw new TargetConfigException("data.password",
                    "EC2 Parameter Store passwords are not supported; write \"${ENV_VAR}\" and set that variable");
        }
        if (!node.isTextual()) {
            throw new TargetConfigException("data.password", "expected a string");
        }
        Matcher m = ENV_REFERENCE.matcher(node.asText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                throw new TargetConfigException("data.password",
                        "refers to environment variable " + m.group(1) + ", which is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Secret(out.toString());
    }

    private static SslMode sslMode(String value, String key) {
        try {
            return SslMode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new TargetConfigException(key, "expected DISABLE, REQUIRE, VERIFY_CA or VERIFY_FULL, got " + value);
        }
    }

    private static String text(JsonNode data, String key) {
        JsonNode n = data.get(key);
        if (n == null || n.isNull()) {
            throw new TargetConfigException("data." + key, "required");
        }
        if (!n.isTextual()) {
            throw new TargetConfigException("data." + key, "expected a string, got " + n.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return n.asText();
    }

    private static int integer(JsonNode data, String key, int min, int max) {
        JsonNode n = data.get(key);
        if (n == null || n.isNull()) {
            throw new TargetConfigException("data." + key, "required");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new TargetConfigException("data." + key, "expected an integer, got " + n);
        }
        int v = n.asInt();
        if (v < min || v > max) {
            throw new TargetConfigException("data." + key, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }
}
