package dev.tributary.shredder;

import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.shredding.ShreddedLayout;

import java.util.Objects;

/**
 * One shredding run: where the enriched run folder is, where the shredded and bad run folders go, the Iglu
 * resolver configuration (Snowplow's resolver.json) and the encryption of what is written.
 *
 * @param input              the enriched run folder ({@code file:}, {@code hdfs:} or {@code s3a:})
 * @param shreddedGood       the shredded.good root; the run is written to {@code <shreddedGood>/run=<runId>}
 * @param shreddedBad        the shredded.bad root; bad rows go to {@code <shreddedBad>/run=<runId>}
 * @param runId              EmrEtlRunner's {@code yyyy-MM-dd-HH-mm-ss}
 */
public record ShredderConfig(String input, String shreddedGood, String shreddedBad, String runId,
                             String resolverConfigJson, Encryption encryption, OutputMode outputMode,
                             Processor processor) {

    /** What the run produces. */
    public enum OutputMode {
        /** atomic-events + shredded-types (TSV/JSON), for the warehouse loader. */
        SHRED,
        /** one Parquet dataset with the atomic columns and one column per entity type. */
        WIDEROW;

        public static OutputMode parse(String text) {
            for (OutputMode m : values()) {
                if (m.name().equalsIgnoreCase(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--output-mode must be shred or widerow, got '" + text + "'");
        }
    }

    public ShredderConfig {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(shreddedGood, "shreddedGood");
        Objects.requireNonNull(shreddedBad, "shreddedBad");
        ShreddedLayout.runFolderName(runId);
        Objects.requireNonNull(resolverConfigJson, "resolverConfigJson");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(outputMode, "outputMode");
        Objects.requireNonNull(processor, "processor");
    }

    public ShreddedLayout layout() {
        return ShreddedLayout.forRun(shreddedGood, runId);
    }

    public String badRunFolder() {
        return ShreddedLayout.badRunFolder(shreddedBad, runId);
    }
}
