package dev.tributary.enrich.app;

import dev.tributary.runtime.Version;
import dev.tributary.schemas.badrows.Processor;

/** The names stream-enrich signs its output with. */
public final class Versions {

    public static final String ARTIFACT = "tributary-stream-enrich";
    /** The jar's Implementation-Version, or the build's version when run from classes. */
    public static final String VERSION = Version.of(Versions.class);
    /** The value of v_etl in every enriched event. */
    public static final String ETL_VERSION = ARTIFACT + "-" + VERSION;
    /** The processor of every bad row stream-enrich writes. */
    public static final Processor PROCESSOR = new Processor(ARTIFACT, VERSION);

    private Versions() {
    }
}
