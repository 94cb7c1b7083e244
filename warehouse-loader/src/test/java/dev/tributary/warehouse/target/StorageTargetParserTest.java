package dev.tributary.warehouse.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageTargetParserTest {

    private final StorageTargetParser parser = new StorageTargetParser(Map.of("RS_PASSWORD", "s3cr3t-from-env")::get);

    private static final String REDSHIFT_210 = """
            {"schema": "iglu:com.snowplowanalytics.snowplow.storage/redshift_config/jsonschema/2-1-0",
             "data": {"name": "AWS Redshift enriched events storage", "host": "redshift.example.com",
                      "database": "snowplow", "port": 5439, "sslMode": "VERIFY_FULL", "schema": "atomic",
                      "username": "loader", "password": "${RS_PASSWORD}", "maxError": 1, "compRows": 20000,
                      "roleArn": "arn:aws:iam::123456789876:role/RedshiftLoadRole", "sshTunnel": null,
                      "purpose": "ENRICHED_EVENTS"}}
            """;

    @Test
    void readsRedshift210WithThePasswordFromTheEnvironment() {
        RedshiftTarget t = (RedshiftTarget) parser.parse(REDSHIFT_210);
        assertThat(t.name()).isEqualTo("AWS Redshift enriched events storage");
        assertThat(t.id()).isEqualTo(t.name());
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://redshift.example.com:5439/snowplow");
        assertThat(t.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(t.schema()).isEqualTo("atomic");
        assertThat(t.roleArn()).isEqualTo("arn:aws:iam::123456789876:role/RedshiftLoadRole");
        assertThat(t.maxError()).isEqualTo(1);
        assertThat(t.compRows()).isEqualTo(20000);
        assertThat(t.password().reveal()).isEqualTo("s3cr3t-from-env");
    }

    @Test
    void thePasswordNeverShowsInToString() {
        StorageTarget t = parser.parse(REDSHIFT_210.replace("${RS_PASSWORD}", "plain-text-pw"));
        assertThat(t.password().reveal()).isEqualTo("plain-text-pw");
        assertThat(t.toString()).doesNotContain("plain-text-pw").contains("******");
    }

    @Test
    void readsRedshift400WithJdbcOptions() {
        RedshiftTarget t = (RedshiftTarget) parser.parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/redshift_config/jsonschema/4-0-0",
                 "data": {"name": "rs", "id": "2f5b6c4e-4a4c-4b7b-9a4e-8d7c1e2f3a4b", "host": "rs.example.com",
                          "database": "db", "port": 5439, "username": "u", "password": "p", "schema": "atomic",
                          "sshTunnel": null, "processingManifest": null, "roleArn": "arn:aws:iam::123456789876:role/R",
                          "maxError": 10, "compRows": 100000,
                          "jdbc": {"sslMode": "verify-ca", "socketTimeout": 30, "BlockingRowsMode": 100},
                          "blacklistTabular": null, "purpose": "ENRICHED_EVENTS"}}
                """);
        assertThat(t.id()).isEqualTo("2f5b6c4e-4a4c-4b7b-9a4e-8d7c1e2f3a4b");
        assertThat(t.sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(t.jdbcProperties()).containsEntry("socketTimeout", "30").doesNotContainKey("BlockingRowsMode");
    }

    @Test
    void readsPostgres101() {
        PostgresTarget t = (PostgresTarget) parser.parse("""
                {"schema": "iglu:com.snowplowanalytics.snowplow.storage/postgresql_config/jsonschema/1-0-1",
                 "data": {"name": "pg", "host": "db.internal", "database": "snowplow", "port": 5432, "sslMode": "DISABLE",
                          "schema": "atomic", "username": "loader", "password": "pw", "purpose": "ENRICHED_EVENTS"}}
                """);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/snowplow");
        assertThat(t.sslMode()).isEqualTo(SslMode.DISABLE);
    }

    @Test
    void everyProblemNamesItsKey() {
        assertKey(REDSHIFT_210.replace("\"port\": 5439", "\"port\": \"5439\""), "data.port");
        assertKey(REDSHIFT_210.replace("\"port\": 5439", "\"port\": 70000"), "data.port");
        assertKey(REDSHIFT_210.replace("\"maxError\": 1, ", ""), "data.maxError");
        assertKey(REDSHIFT_210.replace("\"sslMode\": \"VERIFY_FULL\"", "\"sslMode\": \"SOMETIMES\""), "data.sslMode");
        assertKey(REDSHIFT_210.replace("${RS_PASSWORD}", "${NOT_SET}"), "data.password");
        assertKey(REDSHIFT_210.replace("\"${RS_PASSWORD}\"", "{\"ec2ParameterStore\": {\"parameterName\": \"x\"}}"), "data.password");
        assertKey(REDSHIFT_210.replace("\"sshTunnel\": null", "\"sshTunnel\": {}"), "data.sshTunnel");
        assertKey(REDSHIFT_210.replace("\"schema\": \"atomic\"", "\"schema\": \"atomic; DROP TABLE x\""), "data.schema");
        assertKey(REDSHIFT_210.replace("\"roleArn\": \"arn:aws:iam::123456789876:role/RedshiftLoadRole\"", "\"roleArn\": \"short\""), "data.roleArn");
        assertKey(REDSHIFT_210.replace("\"purpose\": \"ENRICHED_EVENTS\"", "\"purpose\": \"FAILED_EVENTS\""), "data.purpose");
        assertKey(REDSHIFT_210.replace("redshift_config/jsonschema/2-1-0", "elastic_config/jsonschema/1-0-0"), "schema");
        assertKey("{\"data\": {}}", "schema");
        assertKey("not json", "(root)");
    }

    private void assertKey(String json, String key) {
        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOfSatisfying(TargetConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ")
                .hasMessageNotContaining("s3cr3t-from-env");
    }
}
