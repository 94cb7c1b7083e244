package dev.tributary.runtime.testing;

import dev.tributary.runtime.cli.Service;
import dev.tributary.runtime.cli.ServiceContext;
import dev.tributary.runtime.cli.ServiceDefinition;
import dev.tributary.runtime.cli.Termination;
import dev.tributary.runtime.monitoring.HealthStatus;
import io.micrometer.core.instrument.Counter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that does nothing but follow the lifecycle: prints {@code demo: started}, reports ready, and stops
 * when closed. {@code demo.behaviour} makes it fail at start or after it started.
 */
public final class DemoService implements Service {

    public static final ServiceDefinition<DemoConfig> DEFINITION = ServiceDefinition
            .builder("demo", DemoConfig::from, DemoService::new)
            .description("A demo service for the runtime's tests.")
            .option("--greeting", "demo.greeting", "TEXT", "What to greet with")
            .secretMarkers("customer-key")
            .build();

    private final DemoConfig config;
    private final ServiceContext context;
    private final Termination termination = new Termination();
    private final AtomicInteger closes = new AtomicInteger();
    private volatile boolean started;

    public DemoService(DemoConfig config, ServiceContext context) {
        this.config = config;
        this.context = context;
        Counter.builder("demo.greetings").register(context.registry()).increment();
        context.health().readiness("demo-loop", () -> started ? HealthStatus.healthy("running")
                : HealthStatus.unhealthy("not started"));
    }

    @Override
    public void start() {
        if (config.behaviour().equals("fail-start")) {
            throw new IllegalStateException("demo could not start");
        }
        started = true;
        context.out().println("demo: started " + config.greeting());
        context.out().flush();
        if (config.behaviour().equals("fail-later")) {
            new Thread(() -> termination.fail(new IllegalStateException("demo loop died")), "demo-fail").start();
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        termination.await();
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        started = false;
        termination.complete();
    }

    public int closes() {
        return closes.get();
    }

    public DemoConfig config() {
        return config;
    }
}
