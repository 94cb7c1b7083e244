package dev.tributary.warehouse;

import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.warehouse.ddl.PostgresDialect;
import dev.tributary.warehouse.ddl.RedshiftDialect;
import dev.tributary.warehouse.ddl.SqlDialect;
import dev.tributary.warehouse.load.LoadException;
import dev.tributary.warehouse.load.LoadOptions;
import dev.tributary.warehouse.load.LoadOutcome;
import dev.tributary.warehouse.load.LoadPlan;
import dev.tributary.warehouse.load.LoadPlanner;
import dev.tributary.warehouse.load.PostgresCopySource;
import dev.tributary.warehouse.load.RedshiftCopySource;
import dev.tributary.warehouse.load.RunLoader;
import dev.tributary.warehouse.load.StagingSource;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.target.PostgresTarget;
import dev.tributary.warehouse.target.RedshiftTarget;
import dev.tributary.warehouse.target.StorageTarget;
import dev.tributary.warehouse.target.WarehouseConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Loads runs into targets: each run into each target, in order, stopping at the first failure. */
public final class WarehouseLoader {

    private final Resolver resolver;
    private final LoadOptions options;
    private final String redshiftRegion;
    private final Clock clock;

    /** @param redshiftRegion the S3 region Redshift's COPY reads from */
    public WarehouseLoader(Resolver resolver, LoadOptions options, String redshiftRegion, Clock clock) {
        this.resolver = resolver;
        this.options = options;
        this.redshiftRegion = redshiftRegion;
        this.clock = clock;
    }

    public List<LoadOutcome> load(List<RunFolder> runs, List<StorageTarget> targets) throws LoadException {
        List<LoadOutcome> outcomes = new ArrayList<>();
        for (RunFolder run : runs) {
            for (StorageTarget target : targets) {
                outcomes.add(load(run, target));
            }
        }
        return outcomes;
    }

    public LoadOutcome load(RunFolder run, StorageTarget target) throws LoadException {
        SqlDialect dialect = target instanceof RedshiftTarget ? new RedshiftDialect() : new PostgresDialect();
        LoadPlan plan = new LoadPlanner(resolver).plan(run, target.schema(), dialect);
        StagingSource source;
        LoadOptions targetOptions = options;
        if (target instanceof RedshiftTarget redshift) {
            if (!(run.location() instanceof RunLocation.S3 s3)) {
                throw new LoadException("target " + target.name() + " is Redshift, which loads from S3 only; run "
                        + run + " is not in S3");
            }
            source = new RedshiftCopySource(redshift, s3, redshiftRegion);
            targetOptions = options.withAllowedRejects(redshift.maxError());
        } else if (target instanceof PostgresTarget) {
            source = new PostgresCopySource(run.storage());
        } else {
            throw new IllegalStateException("unknown target type " + target.getClass());
        }
        try (Connection c = WarehouseConnections.open(target)) {
            return new RunLoader(dialect, source, targetOptions, clock).load(c, plan, target.name());
        } catch (SQLException e) {
            throw new LoadException("cannot connect to target " + target.name() + " (" + target.jdbcUrl() + "): "
                    + e.getMessage(), e);
        }
    }
}
