package dev.tributary.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class ServiceLogLayoutTest {

    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    }

    @Test
    void aLogfmtLineCarriesTheFixedFieldsKeyValuePairsMdcAndTheErrorOnOneLine() {
        ServiceLogLayout layout = layout("logfmt");
        LoggingEvent event = event("listening on {}", new IllegalStateException("port \"8080\" in use"), "0.0.0.0");
        event.addKeyValuePair(new KeyValuePair("port", 8080));
        event.setMDCPropertyMap(Map.of("loader", "s3 enriched"));

        String out = layout.doLayout(event);

        assertThat(out).endsWith(System.lineSeparator());
        String line = out.substring(0, out.length() - System.lineSeparator().length());
        assertThat(line).doesNotContain("\n");
        Map<String, String> fields = LogfmtParser.parse(line);
        assertThat(fields.keySet()).containsExactly("ts", "level", "logger", "thread", "msg", "port", "loader",
                "error", "stack");
        assertThat(fields.get("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(fields).containsEntry("level", "WARN").containsEntry("logger", "dev.tributary.demo.Server")
                .containsEntry("msg", "listening on 0.0.0.0").containsEntry("port", "8080")
                .containsEntry("loader", "s3 enriched")
                .containsEntry("error", "java.lang.IllegalStateException: port \"8080\" in use");
        assertThat(fields.get("stack")).contains("\tat dev.tributary.runtime.logging.ServiceLogLayoutTest");
    }

    @Test
    void aJsonLineHasTheSameFields() throws Exception {
        ServiceLogLayout layout = layout("json");
        LoggingEvent event = event("started", null);
        event.addKeyValuePair(new KeyValuePair("topic", "raw"));

        JsonNode node = new ObjectMapper().readTree(layout.doLayout(event));

        assertThat(node.get("level").asText()).isEqualTo("WARN");
        assertThat(node.get("msg").asText()).isEqualTo("started");
        assertThat(node.get("topic").asText()).isEqualTo("raw");
        assertThat(node.has("error")).isFalse();
    }

    @Test
    void anUnknownFormatFallsBackToLogfmtAndSaysSo() {
        ServiceLogLayout layout = layout("xml");

        assertThat(layout.format()).isEqualTo(LogFormat.LOGFMT);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .anySatisfy(s -> assertThat(s.getMessage()).contains("log format 'xml'"));
    }

    @Test
    void theServiceConfigurationLogsToStderrWithLibrariesAtWarn() throws Exception {
        configure(Map.of());

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        for (String library : new String[] {"org.apache.kafka.clients.NetworkClient", "software.amazon.awssdk.core",
                "io.netty.channel", "org.springframework.boot"}) {
            assertThat(context.getLogger(library).getEffectiveLevel()).as(library).isEqualTo(Level.WARN);
        }
        assertThat(context.getLogger("dev.tributary.collector").getEffectiveLevel()).isEqualTo(Level.INFO);
        ConsoleAppender<ILoggingEvent> appender = stderr();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(((ServiceLogLayout) ((LayoutWrappingEncoder<ILoggingEvent>) appender.getEncoder()).getLayout())
                .format()).isEqualTo(LogFormat.LOGFMT);
    }

    @Test
    void formatAndLevelsComeFromTheVariables() throws Exception {
        configure(Map.of("TRIBUTARY_LOG_FORMAT", "json", "TRIBUTARY_LOG_LEVEL", "DEBUG",
                "TRIBUTARY_LOG_LEVEL_LIBRARIES", "ERROR"));

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.apache.kafka").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(((ServiceLogLayout) ((LayoutWrappingEncoder<ILoggingEvent>) stderr().getEncoder()).getLayout())
                .format()).isEqualTo(LogFormat.JSON);
    }

    private void configure(Map<String, String> properties) throws Exception {
        // Context properties are looked up before the environment, as a variable set for the process would be.
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(Logging.RESOURCE));
    }

    @SuppressWarnings("unchecked")
    private ConsoleAppender<ILoggingEvent> stderr() {
        return (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    }

    private ServiceLogLayout layout(String format) {
        ServiceLogLayout layout = new ServiceLogLayout();
        layout.setContext(context);
        layout.setFormat(format);
        layout.start();
        return layout;
    }

    private LoggingEvent event(String message, Throwable thrown, Object... args) {
        Logger logger = context.getLogger("dev.tributary.demo.Server");
        return new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, args);
    }
}
