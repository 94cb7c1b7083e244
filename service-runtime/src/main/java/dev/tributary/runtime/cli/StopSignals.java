package dev.tributary.runtime.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handled by the runner itself. A shutdown hook alone would run the same close, but the JVM
 * then exits 128 + signal (143 for SIGTERM) whatever the hook does; handling the signal lets the main thread see
 * the service stop and exit 0 after a clean shutdown, the code orchestrators read as "stopped as asked".
 * {@code sun.misc.Signal} is in {@code jdk.unsupported}, exported and stable since JDK 9; it is the only way.
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * @param onSignal  run on a fresh thread per signal (the signal dispatcher must not block on a slow close)
     * @param onJvmExit run by a shutdown hook: any other way out (System.exit elsewhere, SIGHUP) still closes
     */
    static void install(String name, Runnable onSignal, Runnable onJvmExit) {
        for (String signal : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(signal), s -> new Thread(onSignal, name + "-stop").start());
            } catch (IllegalArgumentException e) {
                // The JVM reserves the signal (-Xrs): the shutdown hook below still closes the service.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(onJvmExit, name + "-shutdown-hook"));
    }
}
