package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.runtime.cli.Service;
import dev.tributary.runtime.cli.ServiceContext;
import dev.tributary.runtime.cli.Termination;

/**
 * The collector as the service runtime runs it: {@link #start()} binds the port with the runtime's meter and
 * health registries and prints {@code collector: <url>}; {@link #close()} is the graceful {@link CollectorServer#close()}.
 */
public final class CollectorService implements Service {

    private final CollectorConfig config;
    private final ServiceContext context;
    private final Termination termination = new Termination();
    private volatile CollectorServer server;

    public CollectorService(CollectorConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
    }

    @Override
    public void start() {
        server = CollectorServer.start(config, context.registry(), context.health(), context.endpoints(), () -> { });
        context.out().println(context.name() + ": " + server.url());
        context.out().flush();
    }

    @Override
    public void awaitTermination() throws Exception {
        termination.await();
    }

    @Override
    public void close() {
        CollectorServer running = server;
        if (running != null) {
            running.close();
        }
        termination.complete();
    }
}
