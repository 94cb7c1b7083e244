package dev.tributary.enrich.topology;

import java.util.Set;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Thrown by the enrich processor, after waiting out its backoff, when the schema registry could not be reached:
 * Kafka Streams aborts the open transaction and re-reads the task's input from the last commit on the same thread.
 * That is the retry a registry outage needs, without the stream thread dying and being replaced (which any other
 * exception would cause) and without turning the record into a bad row (the record is fine; the registry is not).
 *
 * <p>It carries no stack trace: the outage is logged once per attempt by the processor, in one line.
 */
final class RegistryUnavailableException extends TaskCorruptedException {

    private final String reason;

    RegistryUnavailableException(TaskId task, String reason) {
        super(Set.of(task));
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return "schema registry unavailable, task " + corruptedTasks() + " will re-read its input: " + reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
