package dev.tributary.loader;

import dev.tributary.loader.config.LoaderConfig;
import dev.tributary.runtime.cli.Service;
import dev.tributary.runtime.cli.ServiceContext;
import dev.tributary.runtime.cli.Termination;
import dev.tributary.runtime.monitoring.HealthStatus;

/**
 * The loader as a service of the runtime: meters on {@code context.registry()}, the liveness check
 * {@code consumer-loop} behind {@code /health}, and a consumer loop that ends without being asked to (an S3 error that
 * is not retried, a broker refusing a commit ...) fails the service, so the process exits 1 and its supervisor
 * restarts it; the restart replays from the last committed offset.
 */
public final class S3LoaderService implements Service {

    private final LoaderConfig config;
    private final ServiceContext context;
    private final Termination termination = new Termination();
    private final Object lock = new Object();
    private S3Loader loader; // guarded by lock
    private boolean closed;   // guarded by lock

    public S3LoaderService(LoaderConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
        context.health().liveness("consumer-loop", this::health);
    }

    private HealthStatus health() {
        S3Loader l;
        synchronized (lock) {
            l = loader;
        }
        return l == null ? HealthStatus.unhealthy("not started") : l.health();
    }

    @Override
    public void start() {
        S3Loader started = S3Loader.start(config, context.registry());
        synchronized (lock) {
            loader = started;
        }
        Thread watcher = new Thread(() -> watch(started), config.name() + "-watch");
        watcher.setDaemon(true);
        watcher.start();
        context.out().println(config.name() + ": s3://" + config.s3().bucket() + "/" + config.s3().prefix() + "/");
        context.out().flush();
    }

    private void watch(S3Loader started) {
        try {
            started.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (lock) {
            if (closed) {
                return; // asked to stop: close() completes the termination once it has flushed
            }
        }
        Throwable failure = started.failure();
        termination.fail(new IllegalStateException("the s3-loader stopped: "
                + (failure == null ? "consumer thread ended" : failure.getMessage()), failure));
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        termination.await();
    }

    @Override
    public void close() {
        S3Loader l;
        synchronized (lock) {
            if (closed) {
                return; // idempotent: the runner closes again after awaitTermination
            }
            closed = true;
            l = loader;
        }
        if (l != null) {
            l.close(); // flushes, commits and stops; idempotent
        }
        termination.complete();
    }

    /** The running loader, or null before {@link #start()}. */
    public S3Loader loader() {
        synchronized (lock) {
            return loader;
        }
    }
}
