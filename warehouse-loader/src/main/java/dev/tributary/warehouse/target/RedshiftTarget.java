package dev.tributary.warehouse.target;

import java.util.Map;

/**
 * A {@code redshift_config} target: Redshift reads the run's objects from S3 itself ({@code COPY ... FROM
 * 's3://...' IAM_ROLE ...}), so the loader only sends statements.
 *
 * @param maxError  COPY's MAXERROR: rows Redshift may reject before the load fails
 * @param compRows  COPY's COMPROWS: sample size for compression analysis on an empty table
 */
public record RedshiftTarget(String name, String id, String host, int port, String database, String schema,
                             String username, Secret password, SslMode sslMode, Map<String, String> jdbcProperties,
                             String roleArn, int maxError, int compRows)
        implements StorageTarget {

    public RedshiftTarget {
        jdbcProperties = Map.copyOf(jdbcProperties);
    }
}
