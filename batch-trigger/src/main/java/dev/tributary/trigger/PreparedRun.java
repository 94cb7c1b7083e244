package dev.tributary.trigger;

import dev.tributary.trigger.run.RunId;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A run whose preconditions hold: the staging snapshot (the objects this run owns), for steps in recover mode the
 * existing run folders they work on, and what an interrupted shred left in {@code shredded.good} (removed before
 * the runner starts, see {@link Preconditions#removeInterruptedShred}).
 */
public record PreparedRun(RunContext context, List<S3Object> stagingSnapshot, Optional<RunId> recoveredEnrichedRun,
                          Optional<RunId> recoveredShreddedRun, List<S3Object> interruptedShred) {

    public PreparedRun {
        stagingSnapshot = List.copyOf(stagingSnapshot);
        interruptedShred = List.copyOf(interruptedShred);
    }
}
