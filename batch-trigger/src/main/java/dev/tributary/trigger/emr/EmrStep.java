package dev.tributary.trigger.emr;

import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.StepConfig;

/**
 * One EMR step of the plan and whether it may be run again after it failed (spec E.3's retry_on_fail column): copies
 * and cleanups may, the shredder and the loader may not (a half-shredded or half-loaded run must be looked at).
 */
public record EmrStep(StepConfig config, boolean retryOnFail) {

    public String name() {
        return config.name();
    }

    /** The same step with another action on failure (a persistent cluster must outlive a failed step). */
    public StepConfig withActionOnFailure(ActionOnFailure action) {
        return config.toBuilder().actionOnFailure(action).build();
    }
}
