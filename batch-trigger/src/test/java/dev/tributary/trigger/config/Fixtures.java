package dev.tributary.trigger.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test fixtures under src/test/resources. */
public final class Fixtures {

    public static final Map<String, String> ENV = Map.of(
            "AWS_SNOWPLOW_ACCESS_KEY", "AKIAEXAMPLEKEY12345",
            "AWS_SNOWPLOW_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private Fixtures() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String streamConfigText() {
        try {
            return Files.readString(resource("config/stream_config.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TriggerConfig streamConfig() {
        return new ConfigReader(ENV::get, line -> { }).parse(streamConfigText(), "stream_config.yml");
    }

    /** The fixture with one line's value replaced ({@code key: old} becomes {@code key: value}). */
    public static String withValue(String text, String key, String value) {
        String replaced = text.replaceFirst("(?m)^(\\s*" + java.util.regex.Pattern.quote(key) + ":)[^#\\n]*",
                "$1 " + java.util.regex.Matcher.quoteReplacement(value) + " ");
        if (replaced.equals(text)) {
            throw new IllegalArgumentException("no line for " + key);
        }
        return replaced;
    }
}
