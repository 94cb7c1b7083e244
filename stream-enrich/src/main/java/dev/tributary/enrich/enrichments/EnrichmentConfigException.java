package dev.tributary.enrich.enrichments;

import java.nio.file.Path;

/**
 * An enrichment configuration file cannot be used. Start-up stops: the message names the file, the offending
 * field and what was expected, e.g. {@code anon_ip.json: parameters.anonOctets: expected an integer 1-4, got 7}.
 */
public class EnrichmentConfigException extends Exception {

    private final String file;
    private final String field;

    public EnrichmentConfigException(String file, String field, String problem) {
        this(file, field, problem, null);
    }

    public EnrichmentConfigException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = file;
        this.field = field;
    }

    public EnrichmentConfigException(Path file, String field, String problem) {
        this(String.valueOf(file.getFileName()), field, problem, null);
    }

    /** The configuration file's name. */
    public String file() {
        return file;
    }

    /** The offending field as a dotted path inside the file ({@code parameters.anonOctets}); may be empty. */
    public String field() {
        return field;
    }
}
