package dev.tributary.warehouse;

import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.warehouse.load.LoadException;
import dev.tributary.warehouse.load.LoadOptions;
import dev.tributary.warehouse.load.LoadOutcome;
import dev.tributary.warehouse.run.LocalRunStorage;
import dev.tributary.warehouse.run.RunFolder;
import dev.tributary.warehouse.run.RunLocation;
import dev.tributary.warehouse.run.RunStorage;
import dev.tributary.warehouse.run.S3ClientFactory;
import dev.tributary.warehouse.run.S3RunStorage;
import dev.tributary.warehouse.target.StorageTarget;
import dev.tributary.warehouse.target.StorageTargetParser;
import dev.tributary.warehouse.target.TargetConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code warehouse-loader}: the rdb_load step. Kept thin (options in, {@link WarehouseLoader} out) so the
 * command can move into a shared service runtime. Exit codes: 0 loaded or nothing to do, 1 a load failed,
 * 2 bad options or configuration.
 */
@Command(name = "warehouse-loader", mixinStandardHelpOptions = true,
        description = "Loads shredded runs into PostgreSQL and Redshift storage targets, each run once, in one transaction per target.")
public final class WarehouseLoaderCli implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLoaderCli.class);

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CONFIG_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "URI",
            description = "A shredded run folder (shredded.good/run=...) or a folder of run=* folders; s3://, s3a://, file:// or a path.")
    String run;

    @Option(names = "--target", required = true, paramLabel = "FILE|JSON",
            description = "Storage target JSON (redshift_config or postgresql_config): a file, a directory of them, "
                    + "or the JSON itself (as the batch-trigger's EMR step passes it). Repeatable.")
    List<String> targets;

    @Option(names = "--resolver", paramLabel = "FILE|JSON",
            description = "Iglu resolver JSON for the entity schemas, a file or the JSON itself "
                    + "(default: the schemas bundled with Tributary).")
    String resolver;

    @Option(names = "--include", split = ",", paramLabel = "STEP", description = "Optional steps: vacuum.")
    Set<String> include = new HashSet<>();

    @Option(names = "--skip", split = ",", paramLabel = "STEP", description = "Steps to leave out: analyze.")
    Set<String> skip = new HashSet<>();

    @Option(names = "--dedup-lookback", paramLabel = "DURATION", defaultValue = "P30D",
            description = "Events whose (event_id, event_fingerprint) was loaded with a collector_tstamp this long before the run's earliest event are skipped (ISO-8601, default ${DEFAULT-VALUE}; PT0S turns it off).")
    Duration dedupLookback;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region of the S3 bucket, for Redshift's COPY (default: AWS_REGION / the SDK's region chain).")
    String region;

    private final Map<String, String> env;
    private final S3Client s3Override;

    public WarehouseLoaderCli() {
        this(System.getenv(), null);
    }

    /**
     * @param env environment variables ({@code System.getenv()} in production): AWS settings, passwords
     * @param s3  client to use instead of one built from {@code env}, or null
     */
    public WarehouseLoaderCli(Map<String, String> env, S3Client s3) {
        this.env = env;
        this.s3Override = s3;
    }

    public static int run(String... args) {
        return command(new WarehouseLoaderCli()).execute(args);
    }

    public static CommandLine command(WarehouseLoaderCli cli) {
        // picocli's own codes already match: 2 (USAGE) for invalid options, 1 (SOFTWARE) for an uncaught exception.
        return new CommandLine(cli);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<StorageTarget> parsedTargets;
        Resolver igluResolver;
        LoadOptions options;
        RunLocation location;
        try {
            for (String step : include) {
                if (!step.equals("vacuum")) {
                    throw new IllegalArgumentException("--include: unknown step '" + step + "' (known: vacuum)");
                }
            }
            for (String step : skip) {
                if (!step.equals("analyze")) {
                    throw new IllegalArgumentException("--skip: unknown step '" + step + "' (known: analyze)");
                }
            }
            if (dedupLookback.isNegative()) {
                throw new IllegalArgumentException("--dedup-lookback must not be negative");
            }
            location = RunLocation.parse(run);
            parsedTargets = targets();
            igluResolver = resolver == null ? Resolver.bundled()
                    : Resolver.fromConfig(ResolverConfig.parse(isInlineJson(resolver) ? resolver
                            : Files.readString(Path.of(resolver))));
            options = new LoadOptions(dedupLookback, !skip.contains("analyze"), include.contains("vacuum"), 0);
        } catch (TargetConfigException | IllegalArgumentException e) {
            err.println("Configuration error: " + e.getMessage());
            return CONFIG_ERROR;
        } catch (IOException e) {
            err.println("Configuration error: cannot read " + e.getMessage());
            return CONFIG_ERROR;
        }

        String s3Region = region != null ? region : S3ClientFactory.region(env).id();
        try (S3Client s3 = location instanceof RunLocation.S3 ? (s3Override != null ? s3Override : S3ClientFactory.fromEnvironment(env)) : null) {
            List<RunFolder> runs = runs(storage(location, s3));
            if (runs.isEmpty()) {
                LOG.atInfo().addKeyValue("location", location).log("no runs to load");
                return OK;
            }
            List<LoadOutcome> outcomes = new WarehouseLoader(igluResolver, options, s3Region, Clock.systemUTC())
                    .load(runs, parsedTargets);
            for (LoadOutcome outcome : outcomes) {
                if (outcome instanceof LoadOutcome.AlreadyLoaded already) {
                    err.println("Run " + already.base() + " was already loaded at " + already.loadedAt() + "; nothing to do.");
                }
            }
            return OK;
        } catch (LoadException | IOException e) {
            // The layout writes the exception as the line's own error and stack fields.
            LOG.atError().setCause(e).log("load failed");
            err.println("Load failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** On EMR the target and resolver arrive as step arguments, not files: a value that is a JSON object is one. */
    private static boolean isInlineJson(String value) {
        return value.strip().startsWith("{");
    }

    private List<StorageTarget> targets() throws IOException {
        StorageTargetParser parser = new StorageTargetParser(env::get);
        List<StorageTarget> parsed = new ArrayList<>();
        for (String target : targets) {
            if (isInlineJson(target)) {
                parsed.add(parser.parse(target));
                continue;
            }
            Path path = Path.of(target);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        parsed.add(parser.parse(file));
                    }
                }
            } else {
                parsed.add(parser.parse(path));
            }
        }
        Set<String> ids = new HashSet<>();
        for (StorageTarget t : parsed) {
            if (!ids.add(t.id())) {
                throw new TargetConfigException("data.id", "two targets share the id " + t.id() + "; ids must be unique");
            }
        }
        if (parsed.isEmpty()) {
            throw new TargetConfigException("--target", "no storage target JSON found");
        }
        return parsed;
    }

    private static RunStorage storage(RunLocation location, S3Client s3) {
        return location instanceof RunLocation.S3 s3Location
                ? new S3RunStorage(s3, s3Location)
                : new LocalRunStorage((RunLocation.Local) location);
    }

    /** The location itself when it is a run folder, otherwise its {@code run=*} sub-folders in order. */
    static List<RunFolder> runs(RunStorage storage) throws IOException {
        RunFolder self = new RunFolder(storage);
        if (storage.location().folderName().startsWith(ShreddedLayout.RUN_PREFIX) || self.isComplete()) {
            return List.of(self);
        }
        List<RunFolder> runs = new ArrayList<>();
        for (String folder : storage.listFolders()) {
            if (!folder.startsWith(ShreddedLayout.RUN_PREFIX)) {
                continue;
            }
            RunFolder candidate = new RunFolder(storage.child(folder));
            if (candidate.isComplete()) {
                runs.add(candidate);
            } else {
                LOG.atWarn().addKeyValue("run", candidate)
                        .addKeyValue("reason", "no " + ShreddedLayout.SHREDDING_COMPLETE + " yet").log("run skipped");
            }
        }
        return runs;
    }
}
