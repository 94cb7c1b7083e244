package dev.tributary.trigger.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in main class for the child-JVM test: writes its arguments to the file named by a system property. */
public final class ArgsRecordingMain {

    private ArgsRecordingMain() {
    }

    public static void main(String[] args) throws Exception {
        Files.write(Path.of(System.getProperty("record.to")), java.util.List.of(args));
        System.exit(Integer.getInteger("exit.code", 0));
    }
}
