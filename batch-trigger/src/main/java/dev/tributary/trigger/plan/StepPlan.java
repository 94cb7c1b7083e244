package dev.tributary.trigger.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which steps run, worked out from {@code --resume-from}, {@code --skip} and {@code --include} exactly as
 * EmrEtlRunner's {@code Runner.get_steps} did in Stream Enrich mode (reference spec E.1/E.2). Pure: no I/O.
 *
 * <p>Resuming from {@code staging_stream_enrich} starts at the first step, i.e. it plans what no resume plans;
 * EmrEtlRunner lists it as resumable so that a run interrupted before staging can be named explicitly.
 */
public record StepPlan(
        boolean stagingStreamEnrich,
        boolean shred,
        boolean elasticsearch,
        boolean rdbLoad,
        boolean consistencyCheck,
        boolean loadManifestCheck,
        boolean analyze,
        boolean vacuum,
        ArchiveMode archiveEnriched,
        ArchiveMode archiveShredded) {

    /** Resume points a stream-mode run accepts, in the order "resume from X" means "X and everything after". */
    private static final List<Step> RESUME_ORDER = List.of(Step.STAGING_STREAM_ENRICH, Step.ENRICH, Step.SHRED,
            Step.ELASTICSEARCH, Step.ARCHIVE_RAW, Step.RDB_LOAD, Step.ANALYZE, Step.ARCHIVE_ENRICHED,
            Step.ARCHIVE_SHREDDED);

    /**
     * @param resumeFrom   {@code -f}, if given
     * @param skips        {@code -x}, possibly empty
     * @param includes     {@code -i} values; only {@code vacuum} exists
     * @param streamMode   whether {@code aws.s3.buckets.enriched.stream} is configured
     * @param failedEventsTargets whether a FAILED_EVENTS (Elasticsearch) target exists
     */
    public static StepPlan of(Optional<String> resumeFrom, List<String> skips, List<String> includes,
                              boolean streamMode, boolean failedEventsTargets) {
        if (resumeFrom.isPresent() && !skips.isEmpty()) {
            throw new PlanRejected("--resume-from and --skip are mutually exclusive (given --resume-from "
                    + resumeFrom.get() + " and --skip " + String.join(",", skips) + ")");
        }
        Optional<Step> resume = resumeFrom.map(StepPlan::resumable);
        Set<Step> skipped = EnumSet.noneOf(Step.class);
        skips.forEach(s -> skipped.add(skippable(s)));
        boolean vacuum = false;
        for (String include : includes) {
            if (!include.trim().equals("vacuum")) {
                throw new PlanRejected("--include " + include + " is not an includable step (only vacuum is)");
            }
            vacuum = true;
        }
        rejectStreamModeMisuse(resume, skipped, streamMode);

        boolean fresh = resume.isEmpty() || resume.get() == Step.STAGING_STREAM_ENRICH;
        boolean staging = fresh && !skipped.contains(Step.STAGING_STREAM_ENRICH);
        boolean shred = resumedAtOrBefore(resume, Step.SHRED) && !skipped.contains(Step.SHRED);
        boolean es = resumedAtOrBefore(resume, Step.ELASTICSEARCH) && !skipped.contains(Step.ELASTICSEARCH)
                && failedEventsTargets;
        boolean rdbLoad = resumedAtOrBefore(resume, Step.RDB_LOAD) && !skipped.contains(Step.RDB_LOAD);
        boolean analyze = resumedAtOrBefore(resume, Step.ANALYZE) && !skipped.contains(Step.ANALYZE);

        ArchiveMode archiveEnriched;
        if (skipped.contains(Step.ARCHIVE_ENRICHED) || !resumedAtOrBefore(resume, Step.ARCHIVE_ENRICHED)) {
            archiveEnriched = ArchiveMode.SKIP;
        } else {
            archiveEnriched = staging ? ArchiveMode.PIPELINE : ArchiveMode.RECOVER;
        }
        ArchiveMode archiveShredded;
        if (skipped.contains(Step.ARCHIVE_SHREDDED)) {
            archiveShredded = ArchiveMode.SKIP;
        } else {
            archiveShredded = shred ? ArchiveMode.PIPELINE : ArchiveMode.RECOVER;
        }
        return new StepPlan(staging, shred, es, rdbLoad, !skipped.contains(Step.CONSISTENCY_CHECK),
                !skipped.contains(Step.LOAD_MANIFEST_CHECK), analyze, vacuum, archiveEnriched, archiveShredded);
    }

    private static Step resumable(String name) {
        Step step = Step.byCliName(name).orElseThrow(() -> new PlanRejected("--resume-from " + name
                + " is not a step; resumable steps: " + names(s -> s.resumable())));
        if (!step.resumable()) {
            throw new PlanRejected("--resume-from " + name + " is not a resumable step; resumable steps: "
                    + names(s -> s.resumable()));
        }
        return step;
    }

    private static Step skippable(String name) {
        return Step.byCliName(name).filter(Step::skippable).orElseThrow(() -> new PlanRejected("--skip " + name
                + " is not a skippable step; skippable steps: " + names(Step::skippable)));
    }

    private static String names(java.util.function.Predicate<Step> p) {
        return java.util.Arrays.stream(Step.values()).filter(p).map(Step::cliName).collect(Collectors.joining(", "));
    }

    private static void rejectStreamModeMisuse(Optional<Step> resume, Set<Step> skipped, boolean streamMode) {
        if (streamMode) {
            if (resume.equals(Optional.of(Step.ENRICH))) {
                throw new PlanRejected("--resume-from enrich is not allowed in Stream Enrich mode "
                        + "(there is no enrich step: events were enriched in the stream)");
            }
            if (resume.equals(Optional.of(Step.ARCHIVE_RAW))) {
                throw new PlanRejected("--resume-from archive_raw is not allowed in Stream Enrich mode "
                        + "(there are no raw files to archive)");
            }
            for (Step forbidden : List.of(Step.STAGING, Step.ENRICH, Step.ARCHIVE_RAW)) {
                if (skipped.contains(forbidden)) {
                    throw new PlanRejected("--skip " + forbidden + " is not allowed in Stream Enrich mode "
                            + "(skip staging_stream_enrich instead)");
                }
            }
        } else if (resume.equals(Optional.of(Step.STAGING_STREAM_ENRICH))) {
            throw new PlanRejected("--resume-from staging_stream_enrich needs aws.s3.buckets.enriched.stream");
        }
    }

    /** Whether a step at {@code step} runs given the resume point: it runs when resumed at or before it. */
    private static boolean resumedAtOrBefore(Optional<Step> resume, Step step) {
        return resume.isEmpty() || RESUME_ORDER.indexOf(resume.get()) <= RESUME_ORDER.indexOf(step);
    }

    /** The loader's {@code --skip} values for checks that are off (EmrEtlRunner passed them the same way). */
    public List<String> loaderSkips() {
        List<String> out = new ArrayList<>();
        if (!analyze) {
            out.add("analyze");
        }
        if (!consistencyCheck) {
            out.add("consistency_check");
        }
        if (!loadManifestCheck) {
            out.add("load_manifest_check");
        }
        return out;
    }

    /** The steps that do work, in order, for progress lines ("step i/n"). */
    public List<String> activeSteps() {
        List<String> out = new ArrayList<>();
        if (stagingStreamEnrich) {
            out.add("staging_stream_enrich");
        }
        if (shred) {
            out.add("shred");
        }
        if (elasticsearch) {
            out.add("elasticsearch");
        }
        if (rdbLoad) {
            out.add("rdb_load");
        }
        if (archiveEnriched != ArchiveMode.SKIP) {
            out.add("archive_enriched");
        }
        if (archiveShredded != ArchiveMode.SKIP) {
            out.add("archive_shredded");
        }
        return out;
    }
}
