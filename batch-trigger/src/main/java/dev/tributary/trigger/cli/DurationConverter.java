package dev.tributary.trigger.cli;

import dev.tributary.trigger.run.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 60s}, {@code 1s}, {@code 5m}: the CLI's duration format. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            Duration d = Durations.parse(value);
            if (d.isZero()) {
                throw new CommandLine.TypeConversionException("expected a positive duration, got \"" + value + "\"");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
