package dev.tributary.trigger.cli;

import dev.tributary.trigger.emr.JobflowDuration;
import java.time.Duration;
import picocli.CommandLine;

/** {@code --persistent-jobflow-duration}: EmrEtlRunner's {@code 1d12h} form. */
final class JobflowDurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return JobflowDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
