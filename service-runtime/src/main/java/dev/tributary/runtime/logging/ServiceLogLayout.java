package dev.tributary.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The services' log line: {@code ts level logger thread msg}, then the event's SLF4J key-value pairs
 * ({@code LOG.atInfo().addKeyValue("port", port).log("listening")}), then MDC entries, then {@code error} and
 * {@code stack} for a throwable, as logfmt or JSON ({@link LogFormat}). Set {@code format} in the logback
 * configuration; {@code tributary-logback.xml} takes it from {@code TRIBUTARY_LOG_FORMAT}.
 */
public final class ServiceLogLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private String formatText = "logfmt";
    private LogFormat format = LogFormat.LOGFMT;

    /** {@code logfmt} (default, alias {@code kv}) or {@code json}. */
    public void setFormat(String format) {
        this.formatText = format;
    }

    @Override
    public void start() {
        format = LogFormat.parse(formatText).orElseGet(() -> {
            addError("log format '" + formatText + "': expected logfmt or json; using logfmt");
            return LogFormat.LOGFMT;
        });
        super.start();
    }

    LogFormat format() {
        return format;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        LogLine line = toLine(event);
        return (format == LogFormat.JSON ? line.json() : line.logfmt()) + CoreConstants.LINE_SEPARATOR;
    }

    static LogLine toLine(ILoggingEvent event) {
        LogLine line = new LogLine()
                .fixed("ts", TS.format(Instant.ofEpochMilli(event.getTimeStamp())))
                .fixed("level", event.getLevel().toString())
                .fixed("logger", event.getLoggerName())
                .fixed("thread", event.getThreadName())
                .fixed("msg", event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                line.extra(kv.key, String.valueOf(kv.value));
            }
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach(line::extra);
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.fixed("error", thrown.getClassName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
            line.fixed("stack", ThrowableProxyUtil.asString(thrown));
        }
        return line;
    }
}
