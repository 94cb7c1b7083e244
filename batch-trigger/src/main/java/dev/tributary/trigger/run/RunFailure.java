package dev.tributary.trigger.run;

/** A run that stops with a specific exit code; the message is what the operator reads. */
public class RunFailure extends RuntimeException {

    private final ExitCode exitCode;

    public RunFailure(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public RunFailure(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** enriched.stream holds no .gz object: nothing to do (exit 3). */
    public static RunFailure noData(String message) {
        return new RunFailure(ExitCode.NO_DATA, message);
    }

    /** A run folder is not empty: a previous run is going on or was interrupted (exit 4). */
    public static RunFailure directoryNotEmpty(String message) {
        return new RunFailure(ExitCode.ONGOING_RUN, message);
    }
}
