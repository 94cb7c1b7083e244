package dev.tributary.trigger.events;

import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.configuration.TrackerConfiguration;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.run.ExitCode;
import dev.tributary.trigger.run.RunListener;
import dev.tributary.trigger.run.StepReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code monitoring.snowplow}: EmrEtlRunner's monitoring events, sent with the Snowplow Java tracker to a collector
 * so a run can watch itself through the pipeline. A run that starts (lock taken, preconditions hold) sends
 * {@code emr_job_started}, then {@code emr_job_succeeded} (exit 0) or {@code emr_job_failed} (any other exit);
 * runs that stop before starting (no data, ongoing run, lock held, configuration errors) send nothing, as
 * EmrEtlRunner sent nothing then. Every event carries EmrEtlRunner's {@code application_context} (name, version,
 * {@code monitoring.tags}, {@code monitoring.logging.level}); the end events add a {@code jobflow_step_status} per
 * step. EmrEtlRunner's {@code emr_job_status} context is not sent: it describes an EMR cluster (state, creation
 * time), which a local run does not have.
 */
public final class SnowplowRunEvents implements RunListener, AutoCloseable {

    static final String VENDOR = "iglu:com.snowplowanalytics.monitoring.batch/";
    static final String APPLICATION_CONTEXT = VENDOR + "application_context/jsonschema/1-0-0";
    static final String STEP_STATUS = VENDOR + "jobflow_step_status/jsonschema/1-0-0";
    static final String JOB_STARTED = VENDOR + "emr_job_started/jsonschema/1-0-0";
    static final String JOB_SUCCEEDED = VENDOR + "emr_job_succeeded/jsonschema/1-0-0";
    static final String JOB_FAILED = VENDOR + "emr_job_failed/jsonschema/1-0-0";
    /** The tracker namespace ({@code tna}). */
    static final String NAMESPACE = "tributary-trigger";
    /** Per request, and for what is still queued at the end of the run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The states jobflow_step_status 1-0-0 allows; a step in another state gets no context rather than a bad row. */
    private static final Set<String> STEP_STATES = Set.of("PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED");

    private final DirectEmitter emitter;
    private final Tracker tracker;
    private final SelfDescribingJson applicationContext;
    private volatile boolean started;

    SnowplowRunEvents(TriggerConfig.SnowplowMonitoring settings, Map<String, Object> application, Duration timeout) {
        String url = settings.protocol() + "://" + settings.collector() + ":" + settings.port();
        this.emitter = new DirectEmitter(new JdkHttpAdapter(url, timeout), settings.method().equals("get"), timeout);
        this.tracker = new Tracker(new TrackerConfiguration(NAMESPACE, settings.appId()), emitter);
        this.applicationContext = new SelfDescribingJson(APPLICATION_CONTEXT, application);
    }

    /** The events of {@code config}'s {@code monitoring.snowplow}, or none when no collector is configured. */
    public static Optional<SnowplowRunEvents> of(TriggerConfig config, String name, String version,
                                                 Duration timeout) {
        return config.monitoring().snowplow().map(s -> new SnowplowRunEvents(s,
                application(name, version, config.monitoring()), timeout));
    }

    static Map<String, Object> application(String name, String version, TriggerConfig.Monitoring monitoring) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("version", version);
        data.put("tags", monitoring.tags());
        monitoring.loggingLevel().ifPresent(level -> data.put("logLevel", level));
        return data;
    }

    @Override
    public void runStarted(String runId, String runner, List<String> steps) {
        started = true;
        track(JOB_STARTED, List.of());
    }

    @Override
    public void runFinished(ExitCode code, List<StepReport> steps) {
        if (!started) {
            return;
        }
        List<SelfDescribingJson> stepContexts = new ArrayList<>();
        for (StepReport step : steps) {
            if (STEP_STATES.contains(step.state())) {
                String name = step.name().length() > 255 ? step.name().substring(0, 255) : step.name();
                stepContexts.add(new SelfDescribingJson(STEP_STATUS, Map.of("name", name, "state", step.state())));
            }
        }
        track(code == ExitCode.SUCCESS ? JOB_SUCCEEDED : JOB_FAILED, stepContexts);
    }

    private void track(String schema, List<SelfDescribingJson> extraContexts) {
        List<SelfDescribingJson> contexts = new ArrayList<>();
        contexts.add(applicationContext);
        contexts.addAll(extraContexts);
        tracker.track(SelfDescribing.builder().eventData(new SelfDescribingJson(schema, Map.of()))
                .customContext(contexts).build());
    }

    /** True once an event could not be sent (it was logged once). */
    boolean failed() {
        return emitter.broken();
    }

    /** Waits at most one timeout for events still being sent. */
    @Override
    public void close() {
        emitter.close();
    }
}
