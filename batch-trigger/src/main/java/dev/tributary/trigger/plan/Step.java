package dev.tributary.trigger.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** EmrEtlRunner's step names, as {@code --resume-from} and {@code --skip} take them, in pipeline order. */
public enum Step {
    STAGING(false, true),
    ENRICH(true, true),
    STAGING_STREAM_ENRICH(true, true),
    SHRED(true, true),
    ELASTICSEARCH(true, true),
    ARCHIVE_RAW(true, true),
    RDB_LOAD(true, true),
    CONSISTENCY_CHECK(false, true),
    ANALYZE(true, true),
    LOAD_MANIFEST_CHECK(false, true),
    ARCHIVE_ENRICHED(true, true),
    ARCHIVE_SHREDDED(true, true);

    private final boolean resumable;
    private final boolean skippable;

    Step(boolean resumable, boolean skippable) {
        this.resumable = resumable;
        this.skippable = skippable;
    }

    public boolean resumable() {
        return resumable;
    }

    public boolean skippable() {
        return skippable;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Step> byCliName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(name.trim())).findFirst();
    }

    @Override
    public String toString() {
        return cliName();
    }
}
