package dev.tributary.enrich.enrichments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The enrichment directory shipped with stream-enrich ({@code /enrichments-default} on the classpath): a set that
 * works offline. Enabled: campaign_attribution (utm_*), event_fingerprint_config (MD5), yauaa_enrichment_config,
 * cookie_extractor_config (the {@code sp} cookie). Present but disabled, to be edited: anon_ip,
 * referer_parser (needs a referer database) and ip_lookups (needs a MaxMind file).
 */
public final class DefaultEnrichments {

    /** The files of the default directory. */
    public static final List<String> FILES = List.of("anon_ip.json", "campaign_attribution.json",
            "cookie_extractor_config.json", "event_fingerprint_config.json", "ip_lookups.json", "referer_parser.json",
            "yauaa_enrichment_config.json");

    private static final String RESOURCE_DIR = "/enrichments-default/";

    private DefaultEnrichments() {
    }

    /**
     * Writes the default files into {@code directory} (created if needed), overwriting files of the same name,
     * so that the usual {@link EnrichmentChain#load} can read them and users can start from them.
     */
    public static Path copyTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String file : FILES) {
                try (InputStream in = DefaultEnrichments.class.getResourceAsStream(RESOURCE_DIR + file)) {
                    if (in == null) {
                        throw new IllegalStateException("missing classpath resource " + RESOURCE_DIR + file);
                    }
                    Files.copy(in, directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write default enrichments to " + directory, e);
        }
    }

    /**
     * Writes the default files into {@code directory} only when it does not exist yet or holds no {@code *.json}
     * file, so that a user's edits survive restarts (local-stack's data directory). Returns {@code directory}.
     */
    public static Path ensureIn(Path directory) {
        if (Files.isDirectory(directory)) {
            try (var listing = Files.list(directory)) {
                if (listing.anyMatch(p -> p.getFileName().toString().endsWith(".json"))) {
                    return directory;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        }
        return copyTo(directory);
    }
}
