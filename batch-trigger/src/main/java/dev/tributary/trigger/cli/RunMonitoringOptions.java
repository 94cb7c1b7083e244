package dev.tributary.trigger.cli;

import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** {@code run}'s monitoring option, a mixin so that {@link RunCommand} stays EmrEtlRunner's list of options. */
final class RunMonitoringOptions {

    @Option(names = "--monitoring-port", paramLabel = "PORT",
            description = "serve /health, /ready and /metrics (Prometheus) on 127.0.0.1:PORT while the run lasts; "
                    + "0 picks a free port (printed). Off by default")
    Integer port;

    OptionalInt port() {
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
