package dev.tributary.warehouse.load;

import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.target.RedshiftTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Redshift: {@code COPY ... FROM 's3://...'}, which Redshift runs itself with the target's IAM role, reading
 * every object under the table's folder (spec F.3's options). JSON-format types go through a second staging
 * table: Redshift's {@code FORMAT AS JSON 'auto'} loads the top-level keys, the nested {@code hierarchy} and
 * {@code data} as JSON text, and an INSERT ... SELECT spreads them over the hierarchy columns.
 */
public final class RedshiftCopySource implements StagingSource {

    private final RedshiftTarget target;
    private final RunLocation.S3 run;
    private final String region;

    public RedshiftCopySource(RedshiftTarget target, RunLocation.S3 run, String region) {
        this.target = target;
        this.run = run;
        this.region = region;
    }

    /** The statements that fill {@code stagingTable}, in order. */
    public List<String> statements(String stagingTable, TableLoad load) {
        String from = run.s3Uri() + load.source() + "/";
        String gzip = load.files().stream().allMatch(f -> f.endsWith(".gz")) ? "GZIP " : "";
        if (load.format() == ShreddedFormat.TSV) {
            return List.of("COPY " + stagingTable + " (" + columns(load) + ")\n"
                    + "FROM '" + from + "'\n"
                    + "IAM_ROLE '" + target.roleArn() + "'\n"
                    + "REGION '" + region + "'\n"
                    + gzip + "DELIMITER '\\t' TIMEFORMAT 'auto' EMPTYASNULL FILLRECORD TRUNCATECOLUMNS ACCEPTINVCHARS\n"
                    + "MAXERROR " + target.maxError() + "\n"
                    + "COMPUPDATE OFF STATUPDATE OFF");
        }
        String raw = stagingTable + "_json";
        return List.of(
                "CREATE TEMPORARY TABLE " + raw + " (schema VARCHAR(512), data VARCHAR(65535), hierarchy VARCHAR(65535))",
                "COPY " + raw + "\n"
                        + "FROM '" + from + "'\n"
                        + "IAM_ROLE '" + target.roleArn() + "'\n"
                        + "REGION '" + region + "'\n"
                        + gzip + "FORMAT AS JSON 'auto' TIMEFORMAT 'auto' TRUNCATECOLUMNS ACCEPTINVCHARS\n"
                        + "MAXERROR " + target.maxError() + "\n"
                        + "COMPUPDATE OFF STATUPDATE OFF",
                "INSERT INTO " + stagingTable + " (" + columns(load) + ")\n"
                        + "SELECT SPLIT_PART(SPLIT_PART(schema, ':', 2), '/', 1),\n"
                        + "       SPLIT_PART(schema, '/', 2),\n"
                        + "       SPLIT_PART(schema, '/', 3),\n"
                        + "       SPLIT_PART(schema, '/', 4),\n"
                        + "       JSON_EXTRACT_PATH_TEXT(hierarchy, 'rootId'),\n"
                        + "       JSON_EXTRACT_PATH_TEXT(hierarchy, 'rootTstamp')::TIMESTAMP,\n"
                        + "       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refRoot'),\n"
                        + "       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refTree'),\n"
                        + "       JSON_EXTRACT_PATH_TEXT(hierarchy, 'refParent'),\n"
                        + "       data\n"
                        + "FROM " + raw,
                "DROP TABLE " + raw);
    }

    @Override
    public OptionalLong fill(Connection connection, String stagingTable, TableLoad load) throws SQLException {
        if (load.files().isEmpty()) {
            // COPY fails on a prefix with no objects; an empty folder simply has no rows.
            return OptionalLong.of(0);
        }
        try (Statement st = connection.createStatement()) {
            for (String sql : statements(stagingTable, load)) {
                st.execute(sql);
            }
        }
        return OptionalLong.empty();
    }

    private static String columns(TableLoad load) {
        return load.fileColumns().stream().map(c -> c.name()).collect(Collectors.joining(", "));
    }
}
