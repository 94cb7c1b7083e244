package dev.tributary.runtime.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Installs {@value #RESOURCE} for a service started from its main: logs to standard error (standard output is
 * for the lines scripts read, such as {@code collector: http://localhost:8080}), in the format of
 * {@code TRIBUTARY_LOG_FORMAT}, level {@code TRIBUTARY_LOG_LEVEL} (default INFO), the internals of Kafka, AWS,
 * Netty, Spring, Hadoop and Spark at {@code TRIBUTARY_LOG_LEVEL_LIBRARIES} (default WARN). Both are read as
 * environment variables or system properties by logback itself, because logging has to work before the
 * service's config is read (a config error is itself logged).
 *
 * <p>The resource is deliberately not named {@code logback.xml}: an application embedding services (local-stack)
 * keeps its own configuration, and {@code -Dlogback.configurationFile} always wins.
 */
public final class Logging {

    public static final String RESOURCE = "tributary-logback.xml";

    private Logging() {
    }

    /** Reconfigures logback from {@value #RESOURCE} unless the operator named a configuration file. */
    public static void install() {
        if (System.getProperty("logback.configurationFile") != null) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J backend was chosen on purpose; leave it alone
        }
        URL url = Logging.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            return;
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            // Reported through logback's status below; the service still runs with whatever was configured.
        }
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
    }
}
