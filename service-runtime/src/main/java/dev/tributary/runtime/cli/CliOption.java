package dev.tributary.runtime.cli;

/**
 * A service-specific command-line flag that stands for one config key, e.g. stream-enrich's
 * {@code --resolver FILE} for {@code enrich.resolver}. Flags are the highest layer (overrides), so
 * {@code --resolver} beats the file and the environment, and the value goes through the same validation.
 *
 * @param name        the flag, with dashes ({@code --resolver})
 * @param configKey   the full key it sets ({@code enrich.resolver})
 * @param paramLabel  the placeholder in the usage text ({@code FILE})
 * @param description the usage text
 */
public record CliOption(String name, String configKey, String paramLabel, String description) {

    public CliOption {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("option " + name + ": expected a long name starting with --");
        }
    }
}
