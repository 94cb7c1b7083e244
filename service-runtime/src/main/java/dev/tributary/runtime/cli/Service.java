package dev.tributary.runtime.cli;

/**
 * A long-running service (or a run-to-completion CLI job) as {@link ServiceRunner} drives it:
 * {@link #start} once, {@link #awaitTermination} on the main thread, {@link #close} from the signal handler
 * (SIGTERM, SIGINT) or from the runner after the service ended on its own.
 *
 * <p>{@link Termination} is the usual way to implement the last two:
 * <pre>{@code
 * final class LoaderService implements Service {
 *     private final Termination termination = new Termination();
 *     public void start() { loop.start(termination::fail); }        // the loop reports a fatal error
 *     public void awaitTermination() throws Exception { termination.await(); }
 *     public void close() { loop.stopAndCommit(); termination.complete(); }
 * }
 * }</pre>
 */
public interface Service extends AutoCloseable {

    /**
     * Starts the work and returns once the service runs (ports bound, threads started). Throwing here fails
     * start-up: a {@link dev.tributary.runtime.config.ConfigError} exits 2, anything else exits 1.
     */
    void start() throws Exception;

    /**
     * Blocks until the service has stopped. Returns normally after a clean stop (after {@link #close} has finished
     * its work, or a CLI job that finished); throws the cause when the service stopped because of a failure, which
     * exits 1. The process exits soon after this returns, so it must not return while a close is still flushing.
     */
    void awaitTermination() throws Exception;

    /**
     * Stops in order (stop taking work, finish or hand back what is in flight, release resources) within the
     * service's own grace period. Idempotent, and safe to call from any thread and before {@link #start}.
     */
    @Override
    void close();
}
