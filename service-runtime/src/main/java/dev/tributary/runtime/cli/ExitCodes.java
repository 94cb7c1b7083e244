package dev.tributary.runtime.cli;

/** The exit status of every Tributary service and CLI run through {@link ServiceRunner}. */
public final class ExitCodes {

    /** Clean stop: a CLI job done, or a service stopped by SIGTERM/SIGINT after an orderly shutdown. */
    public static final int OK = 0;
    /** Failed at run time: could not start (port in use, broker refused), or stopped because of an error. */
    public static final int RUNTIME_FAILURE = 1;
    /** Bad command line or configuration; the message names the option or the key. Nothing was started. */
    public static final int CONFIG_ERROR = 2;

    private ExitCodes() {
    }
}
