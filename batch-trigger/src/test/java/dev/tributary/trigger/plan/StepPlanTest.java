package dev.tributary.trigger.plan;

import static dev.tributary.trigger.plan.ArchiveMode.PIPELINE;
import static dev.tributary.trigger.plan.ArchiveMode.RECOVER;
import static dev.tributary.trigger.plan.ArchiveMode.SKIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resume/skip table of spec E.1/E.2 in Stream Enrich mode. Columns: staging_stream_enrich, shred,
 * elasticsearch (with a FAILED_EVENTS target), rdb_load, analyze, archive_enriched, archive_shredded.
 */
class StepPlanTest {

    static Stream<Arguments> allowed() {
        return Stream.of(
                // resume-from            skip                   stg    shred  es     load   analyze aEnr      aShr
                row(null, "", true, true, true, true, true, PIPELINE, PIPELINE),
                row("staging_stream_enrich", "", true, true, true, true, true, PIPELINE, PIPELINE),
                row("shred", "", false, true, true, true, true, RECOVER, PIPELINE),
                row("elasticsearch", "", false, false, true, true, true, RECOVER, RECOVER),
                row("rdb_load", "", false, false, false, true, true, RECOVER, RECOVER),
                row("analyze", "", false, false, false, false, true, RECOVER, RECOVER),
                row("archive_enriched", "", false, false, false, false, false, RECOVER, RECOVER),
                row("archive_shredded", "", false, false, false, false, false, SKIP, RECOVER),
                row(null, "staging_stream_enrich", false, true, true, true, true, RECOVER, PIPELINE),
                row(null, "shred", true, false, true, true, true, PIPELINE, RECOVER),
                row(null, "elasticsearch", true, true, false, true, true, PIPELINE, PIPELINE),
                row(null, "rdb_load", true, true, true, false, true, PIPELINE, PIPELINE),
                row(null, "analyze", true, true, true, true, false, PIPELINE, PIPELINE),
                row(null, "consistency_check", true, true, true, true, true, PIPELINE, PIPELINE),
                row(null, "load_manifest_check", true, true, true, true, true, PIPELINE, PIPELINE),
                row(null, "archive_enriched", true, true, true, true, true, SKIP, PIPELINE),
                row(null, "archive_shredded", true, true, true, true, true, PIPELINE, SKIP),
                row(null, "staging_stream_enrich,shred", false, false, true, true, true, RECOVER, RECOVER),
                row(null, "rdb_load,archive_enriched,archive_shredded", true, true, true, false, true, SKIP, SKIP),
                row(null, "staging_stream_enrich,shred,rdb_load", false, false, true, false, true, RECOVER, RECOVER));
    }

    private static Arguments row(String resume, String skip, boolean staging, boolean shred, boolean es,
                                 boolean load, boolean analyze, ArchiveMode enriched, ArchiveMode shredded) {
        return Arguments.of(resume, skip, new StepPlan(staging, shred, es, load,
                !skip.contains("consistency_check"), !skip.contains("load_manifest_check"), analyze, false,
                enriched, shredded));
    }

    @ParameterizedTest(name = "-f {0} -x {1}")
    @MethodSource("allowed")
    void allowedCombinationsPlanAsTheSpecSays(String resume, String skip, StepPlan expected) {
        StepPlan plan = StepPlan.of(Optional.ofNullable(resume), skips(skip), List.of(), true, true);

        assertThat(plan).isEqualTo(expected);
    }

    @ParameterizedTest(name = "-f {0} -x {1}")
    @MethodSource("allowed")
    void withoutFailedEventsTargetsElasticsearchNeverRuns(String resume, String skip, StepPlan expected) {
        assertThat(StepPlan.of(Optional.ofNullable(resume), skips(skip), List.of(), true, false).elasticsearch())
                .isFalse();
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("enrich", "", "--resume-from enrich is not allowed in Stream Enrich mode"),
                Arguments.of("archive_raw", "", "--resume-from archive_raw is not allowed in Stream Enrich mode"),
                Arguments.of(null, "staging", "--skip staging is not allowed in Stream Enrich mode"),
                Arguments.of(null, "enrich", "--skip enrich is not allowed in Stream Enrich mode"),
                Arguments.of(null, "archive_raw", "--skip archive_raw is not allowed in Stream Enrich mode"),
                Arguments.of(null, "shred,enrich", "--skip enrich is not allowed in Stream Enrich mode"),
                Arguments.of("staging", "", "--resume-from staging is not a resumable step"),
                Arguments.of("consistency_check", "", "--resume-from consistency_check is not a resumable step"),
                Arguments.of("load_manifest_check", "", "--resume-from load_manifest_check is not a resumable step"),
                Arguments.of("vacuum", "", "--resume-from vacuum is not a step"),
                Arguments.of(null, "vacuum", "--skip vacuum is not a skippable step"),
                Arguments.of(null, "shredding", "--skip shredding is not a skippable step"));
    }

    @ParameterizedTest(name = "-f {0} -x {1}")
    @MethodSource("forbidden")
    void forbiddenCombinationsAreRejectedByName(String resume, String skip, String message) {
        assertThatThrownBy(() -> StepPlan.of(Optional.ofNullable(resume), skips(skip), List.of(), true, false))
                .isInstanceOf(PlanRejected.class)
                .hasMessageStartingWith(message);
    }

    static Stream<Arguments> everyResumeWithEverySkip() {
        return Arrays.stream(Step.values()).flatMap(r -> Arrays.stream(Step.values())
                .map(s -> Arguments.of(r.cliName(), s.cliName())));
    }

    @ParameterizedTest(name = "-f {0} -x {1}")
    @MethodSource("everyResumeWithEverySkip")
    void resumeFromAndSkipAreMutuallyExclusive(String resume, String skip) {
        assertThatThrownBy(() -> StepPlan.of(Optional.of(resume), List.of(skip), List.of(), true, false))
                .isInstanceOf(PlanRejected.class)
                .hasMessage("--resume-from and --skip are mutually exclusive (given --resume-from " + resume
                        + " and --skip " + skip + ")");
    }

    @ParameterizedTest(name = "-f {0}")
    @MethodSource("resumables")
    void resumingFromStagingStreamEnrichNeedsStreamMode(String resume) {
        if (resume.equals("staging_stream_enrich")) {
            assertThatThrownBy(() -> StepPlan.of(Optional.of(resume), List.of(), List.of(), false, false))
                    .hasMessage("--resume-from staging_stream_enrich needs aws.s3.buckets.enriched.stream");
        } else {
            assertThat(StepPlan.of(Optional.of(resume), List.of(), List.of(), false, false)).isNotNull();
        }
    }

    static Stream<String> resumables() {
        return Arrays.stream(Step.values()).filter(Step::resumable).map(Step::cliName);
    }

    @org.junit.jupiter.api.Test
    void includeVacuumIsTheOnlyInclude() {
        assertThat(StepPlan.of(Optional.empty(), List.of(), List.of("vacuum"), true, false).vacuum()).isTrue();
        assertThatThrownBy(() -> StepPlan.of(Optional.empty(), List.of(), List.of("analyze"), true, false))
                .hasMessage("--include analyze is not an includable step (only vacuum is)");
    }

    @org.junit.jupiter.api.Test
    void skippedChecksBecomeLoaderSkips() {
        StepPlan plan = StepPlan.of(Optional.empty(), List.of("analyze", "consistency_check", "load_manifest_check"),
                List.of(), true, false);

        assertThat(plan.loaderSkips()).containsExactly("analyze", "consistency_check", "load_manifest_check");
        assertThat(plan.activeSteps()).containsExactly("staging_stream_enrich", "shred", "rdb_load",
                "archive_enriched", "archive_shredded");
    }

    private static List<String> skips(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}
