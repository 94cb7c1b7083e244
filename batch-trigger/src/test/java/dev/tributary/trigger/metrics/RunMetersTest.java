package dev.tributary.trigger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunListener.EmrStep;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meters as Prometheus prints them, fed the way the EMR watcher and the local runner feed them. */
class RunMetersTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final AtomicReference<Duration> elapsed = new AtomicReference<>(Duration.ZERO);
    final RunMeters meters = new RunMeters(registry, elapsed::get);

    double value(String series) {
        return registry.scrape().lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in\n" + registry.scrape()));
    }

    @Test
    void emrPollsGiveTheCurrentStepStatesAndCountEachFinishedStepOnce() {
        meters.emrSteps(List.of(new EmrStep("s-1", "a", "RUNNING"), new EmrStep("s-2", "b", "PENDING"),
                new EmrStep("s-3", "c", "PENDING")));
        assertThat(value("tributary_trigger_step_current")).isEqualTo(1);
        assertThat(value("tributary_trigger_steps_planned")).isEqualTo(3);
        assertThat(value("tributary_trigger_emr_steps{state=\"RUNNING\"}")).isEqualTo(1);
        assertThat(value("tributary_trigger_emr_steps{state=\"PENDING\"}")).isEqualTo(2);

        meters.emrSteps(List.of(new EmrStep("s-1", "a", "COMPLETED"), new EmrStep("s-2", "b", "RUNNING"),
                new EmrStep("s-3", "c", "PENDING")));
        meters.emrSteps(List.of(new EmrStep("s-1", "a", "COMPLETED"), new EmrStep("s-2", "b", "FAILED"),
                new EmrStep("s-3", "c", "CANCELLED")));

        assertThat(value("tributary_trigger_step_current")).isEqualTo(3);
        assertThat(value("tributary_trigger_steps_finished_total{state=\"COMPLETED\"}")).isEqualTo(1);
        assertThat(value("tributary_trigger_steps_finished_total{state=\"FAILED\"}")).isEqualTo(1);
        assertThat(value("tributary_trigger_steps_finished_total{state=\"CANCELLED\"}")).isEqualTo(1);
        assertThat(value("tributary_trigger_emr_steps{state=\"RUNNING\"}")).isZero();
        assertThat(value("tributary_trigger_emr_steps{state=\"PENDING\"}")).isZero();
        assertThat(value("tributary_trigger_emr_steps{state=\"COMPLETED\"}")).isEqualTo(1);
    }

    @Test
    void anUnknownStateIsCountedAsOtherSoLabelsStayAClosedSet() {
        meters.stepFinished("shred", "EXPLODED");
        meters.emrSteps(List.of(new EmrStep("s-1", "a", "SOMETHING_NEW")));

        assertThat(value("tributary_trigger_steps_finished_total{state=\"OTHER\"}")).isEqualTo(1);
        assertThat(value("tributary_trigger_emr_steps{state=\"OTHER\"}")).isEqualTo(1);
        assertThat(registry.scrape()).doesNotContain("EXPLODED").doesNotContain("SOMETHING_NEW");
    }

    @Test
    void theDurationRunsUntilTheRunEndsThenStaysWithTheExitCode() {
        elapsed.set(Duration.ofSeconds(7));
        assertThat(value("tributary_trigger_run_duration_seconds")).isEqualTo(7);
        assertThat(value("tributary_trigger_run_exit_code")).isEqualTo(-1);

        meters.runFinished(ExitCode.ONGOING_RUN, List.of());
        elapsed.set(Duration.ofSeconds(30));

        assertThat(value("tributary_trigger_run_duration_seconds")).isEqualTo(7);
        assertThat(value("tributary_trigger_run_exit_code")).isEqualTo(4);
    }
}
