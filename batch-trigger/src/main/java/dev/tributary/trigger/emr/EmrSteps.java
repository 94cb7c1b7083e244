package dev.tributary.trigger.emr;

import dev.tributary.trigger.config.S3Location;
import dev.tributary.trigger.config.StorageTarget;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.plan.ArchiveMode;
import dev.tributary.trigger.plan.StepPlan;
import dev.tributary.trigger.run.RunId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.HadoopJarStepConfig;
import software.amazon.awssdk.services.emr.model.StepConfig;

/**
 * The EMR steps of reference spec E.3, in order, with Tributary's jars in place of Snowplow's: the shredder is a
 * Spark step ({@code spark-submit --deploy-mode cluster}), the loader a jar step, and every copy an S3DistCp step.
 * Data goes S3 → HDFS → shredder → HDFS → S3 exactly as EmrEtlRunner moved it. Steps are built for a transient
 * cluster (TERMINATE_CLUSTER); the persistent runner switches them to CANCEL_AND_WAIT.
 */
public final class EmrSteps {

    static final String COMMAND_RUNNER = "command-runner.jar";
    static final String HDFS_ENRICHED = "hdfs:///local/snowplow/enriched-events/";
    static final String HDFS_SHREDDED = "hdfs:///local/snowplow/shredded-events/";

    private EmrSteps() {
    }

    public static List<StepConfig> build(EmrRunInputs in) {
        return planned(in).stream().map(EmrStep::config).toList();
    }

    /** The steps with their retry_on_fail flag, for the persistent runner's resubmissions. */
    public static List<EmrStep> planned(EmrRunInputs in) {
        TriggerConfig.S3 s3 = in.config().aws().s3();
        TriggerConfig.Buckets b = s3.buckets();
        String endpoint = S3DistCp.endpointFor(s3.region());
        boolean encrypted = b.encrypted();
        StepPlan plan = in.plan();
        RunId run = in.runId();
        List<EmrStep> steps = new ArrayList<>();

        if (in.debug()) {
            steps.add(retryable(step("Setup Hadoop Debugging", COMMAND_RUNNER, List.of("state-pusher-script"))));
        }
        if (plan.stagingStreamEnrich()) {
            steps.add(retryable(distCp("[staging_stream_enrich] s3-dist-cp: Stream Enriched " + b.enriched().stream()
                            + " -> Enriched Staging S3",
                    S3DistCp.copy(b.enriched().stream().url(), runFolder(b.enriched().good(), run))
                            .option("--srcPattern", ".*\\.gz").flag("--deleteOnSuccess"), endpoint, encrypted)));
        }
        if (plan.shred()) {
            // Without staging (resumed from shred) the whole of enriched.good is the input, as in EmrEtlRunner.
            String input = plan.stagingStreamEnrich() ? runFolder(b.enriched().good(), run) : b.enriched().good().url();
            steps.add(retryable(distCp("[shred] s3-dist-cp: Enriched S3 -> HDFS",
                    S3DistCp.copy(input, HDFS_ENRICHED).option("--srcPattern", ".*\\.gz")
                            .option("--outputCodec", "none"), endpoint, encrypted)));
            steps.add(new EmrStep(shredderStep(in, run), false));
            shreddedToS3(in, run, endpoint, encrypted, steps);
        }
        if (plan.rdbLoad()) {
            RunId loadRun = plan.shred() ? run : in.recoveredShreddedRun().orElseThrow();
            for (StorageTarget target : in.loadTargets()) {
                // A jar step, never retried (emr-etl-runner 1.0.3 #76): the loader's manifest decides what is loaded.
                steps.add(new EmrStep(StepConfig.builder()
                        .name("[rdb_load] Load " + target.name() + " Storage Target")
                        .actionOnFailure(ActionOnFailure.TERMINATE_CLUSTER)
                        .hadoopJarStep(HadoopJarStepConfig.builder().jar(in.jars().loaderJar())
                                .mainClass(AssetJars.LOADER_MAIN).args(loaderArgs(in, target, loadRun)).build())
                        .build(), false));
            }
        }
        if (plan.archiveEnriched() != ArchiveMode.SKIP) {
            RunId archived = plan.archiveEnriched() == ArchiveMode.PIPELINE ? run
                    : in.recoveredEnrichedRun().orElseThrow();
            steps.add(retryable(distCp("[archive_enriched] s3-dist-cp: Enriched S3 -> Enriched Archive S3",
                    S3DistCp.copy(runFolder(b.enriched().good(), archived), runFolder(b.enriched().archive(), archived))
                            .flag("--deleteOnSuccess"), endpoint, encrypted)));
        }
        if (plan.archiveShredded() != ArchiveMode.SKIP) {
            RunId archived = plan.archiveShredded() == ArchiveMode.PIPELINE ? run
                    : in.recoveredShreddedRun().orElseThrow();
            steps.add(retryable(distCp("[archive_shredded] s3-dist-cp: Shredded S3 -> Shredded Archive S3",
                    S3DistCp.copy(runFolder(b.shredded().good(), archived), runFolder(b.shredded().archive(), archived))
                            .flag("--deleteOnSuccess"), endpoint, encrypted)));
        }
        return steps;
    }

    /**
     * Step 0 of spec E.3, only when a run reuses a persistent cluster: a previous run's HDFS folders would otherwise
     * be copied and shredded again. EmrEtlRunner ran Snowplow's hosted {@code snowplow-hadoop-fs-rmr-0.2.0.sh}
     * through script-runner; {@code hdfs dfs -rm -r -f} does the same (and succeeds when a folder is absent) without
     * a script in a hosted bucket. Both are safe to run again.
     */
    public static List<EmrStep> cleanup() {
        return List.of(
                retryable(step("[cleanup] Empty Snowplow HDFS", COMMAND_RUNNER,
                        List.of("hdfs", "dfs", "-rm", "-r", "-f", HDFS_ENRICHED, HDFS_SHREDDED))),
                retryable(step("[cleanup] Empty HDFS trash", COMMAND_RUNNER, List.of("hdfs", "dfs", "-expunge"))));
    }

    private static void shreddedToS3(EmrRunInputs in, RunId run, String endpoint, boolean encrypted,
                                     List<EmrStep> steps) {
        String dest = runFolder(in.config().aws().s3().buckets().shredded().good(), run);
        // The shredder writes <output>/run=<id>/; copying that folder (not <output>) keeps one run= level on S3.
        String src = HDFS_SHREDDED + "run=" + run.value() + "/";
        if (!in.config().aws().s3().consolidateShreddedOutput()) {
            steps.add(retryable(distCp("[shred] s3-dist-cp: Shredded HDFS -> S3",
                    S3DistCp.copy(src, dest).option("--srcPattern", ".*part-.*")
                            .option("--outputCodec", "gz"), endpoint, encrypted)));
        } else {
            steps.add(retryable(distCp("[shred] s3-dist-cp: Shredded atomic events HDFS -> S3",
                    S3DistCp.copy(src + "atomic-events/", dest + "atomic-events/")
                            .option("--groupBy", ".*/atomic-events/(part-)\\d+-(.*)")
                            .option("--targetSize", "24").option("--outputCodec", "gz"), endpoint, encrypted)));
            steps.add(retryable(distCp("[shred] s3-dist-cp: Shredded JSON types HDFS -> S3",
                    S3DistCp.copy(src + "shredded-types/", dest + "shredded-types/")
                            .option("--groupBy",
                                    ".*/shredded-types/vendor=(.+)/name=(.+)/.+/version=(.+)/(part-)\\d+-(.*)")
                            .option("--targetSize", "24").option("--outputCodec", "gz"), endpoint, encrypted)));
            boolean tabular = in.loadTargets().stream().anyMatch(t -> t.blacklistTabular().map(n -> n.isArray())
                    .orElse(false));
            if (tabular) {
                steps.add(retryable(distCp("[shred] s3-dist-cp: Shredded TSV types HDFS -> S3",
                        S3DistCp.copy(src + "shredded-tsv/", dest + "shredded-tsv/")
                                .option("--groupBy",
                                        ".*/shredded-tsv/vendor=(.+)/name=(.+)/.+/version=(.+)/(part-)\\d+-(.*)")
                                .option("--targetSize", "24").option("--outputCodec", "gz"), endpoint, encrypted)));
            }
        }
        // shredding_complete.json goes with _SUCCESS: the loader refuses a run folder without it.
        steps.add(retryable(distCp("[shred] s3-dist-cp: Shredded HDFS _SUCCESS -> S3",
                S3DistCp.copy(src, dest).option("--srcPattern", ".*(_SUCCESS|shredding_complete\\.json)"),
                endpoint, encrypted)));
    }

    /**
     * The shredder in YARN cluster mode. The resolver goes base64-encoded, as Snowplow's shredder took it: YARN's
     * launch script re-parses arguments through a shell, where raw JSON loses its quotes.
     */
    private static StepConfig shredderStep(EmrRunInputs in, RunId run) {
        TriggerConfig.Buckets b = in.config().aws().s3().buckets();
        List<String> args = new ArrayList<>(List.of("spark-submit", "--class", AssetJars.SHREDDER_MAIN,
                "--master", "yarn", "--deploy-mode", "cluster", in.jars().shredderJar(),
                "--input", HDFS_ENRICHED,
                "--output", HDFS_SHREDDED,
                "--bad-output", b.shredded().bad().url(),
                "--iglu-config", base64(in.resolverJson()),
                "--sse", in.config().aws().s3().sse().mode().value()));
        in.config().aws().s3().sse().kmsKeyId().ifPresent(k -> args.addAll(List.of("--sse-kms-key-id", k)));
        args.addAll(List.of("--run-id", run.value()));
        // Never retried on EMR (spec E.3): a half-shredded run must be looked at, not redone over.
        return step("[shred] spark: Shred Enriched Events", COMMAND_RUNNER, args);
    }

    /** The loader's CLI: {@code --run <uri> --target <json> --resolver <json> [--include vacuum] [--skip ...]}. */
    static List<String> loaderArgs(EmrRunInputs in, StorageTarget target, RunId run) {
        List<String> args = new ArrayList<>(List.of(
                "--run", runFolder(in.config().aws().s3().buckets().shredded().good(), run),
                "--target", target.json(),
                "--resolver", in.resolverJson()));
        if (in.plan().vacuum()) {
            args.addAll(List.of("--include", "vacuum"));
        }
        if (!in.plan().analyze()) {
            args.addAll(List.of("--skip", "analyze"));
        }
        return args;
    }

    static String runFolder(S3Location folder, RunId run) {
        return folder.folder(run.folderName()).url();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies, the debugging setup and cleanups are safe to run again (spec E.3 retry_on_fail = yes). */
    private static EmrStep retryable(StepConfig config) {
        return new EmrStep(config, true);
    }

    private static StepConfig distCp(String name, S3DistCp copy, String endpoint, boolean encrypted) {
        return step(name, COMMAND_RUNNER, copy.args(endpoint, encrypted));
    }

    /** Transient cluster: a failed step terminates it, and the steps after it are CANCELLED (EmrEtlRunner's default). */
    private static StepConfig step(String name, String jar, List<String> args) {
        return StepConfig.builder()
                .name(name)
                .actionOnFailure(ActionOnFailure.TERMINATE_CLUSTER)
                .hadoopJarStep(HadoopJarStepConfig.builder().jar(jar).args(args).build())
                .build();
    }
}
