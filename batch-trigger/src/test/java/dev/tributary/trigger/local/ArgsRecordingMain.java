package dev.tributary.trigger.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in main class for the child-JVM test: writes its arguments to the file named by a system property. */
public final class ArgsRecordingMain {

    private ArgsRecordingMain() {
    }

    public static void main(String[] args) throws Exception {
        java.util.List<String> recorded = new java.util.ArrayList<>();
        for (String arg : args) {
            // Files handed over (the loader's target and resolver) are recorded with their content and mode.
            Path file = Path.of(arg);
            recorded.add(arg.startsWith("/") && Files.isRegularFile(file)
                    ? "file " + java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(file)) + " " + Files.readString(file)
                    : arg);
        }
        recorded.add("env AWS_ENDPOINT_URL_S3=" + System.getenv("AWS_ENDPOINT_URL_S3"));
        Files.write(Path.of(System.getProperty("record.to")), recorded);
        System.exit(Integer.getInteger("exit.code", 0));
    }
}
