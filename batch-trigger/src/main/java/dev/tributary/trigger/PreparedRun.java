package dev.tributary.trigger;

import dev.tributary.trigger.run.RunId;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A run whose preconditions hold: the staging snapshot (the objects this run owns) and, for steps in recover mode,
 * the existing run folders they work on.
 */
public record PreparedRun(RunContext context, List<S3Object> stagingSnapshot, Optional<RunId> recoveredEnrichedRun,
                          Optional<RunId> recoveredShreddedRun) {

    public PreparedRun {
        stagingSnapshot = List.copyOf(stagingSnapshot);
    }
}
