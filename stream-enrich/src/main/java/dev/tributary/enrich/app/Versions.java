package dev.tributary.enrich.app;

import dev.tributary.schemas.badrows.Processor;

/** The names stream-enrich signs its output with. */
public final class Versions {

    public static final String ARTIFACT = "tributary-stream-enrich";
    public static final String VERSION = "0.1.0";
    /** The value of v_etl in every enriched event. */
    public static final String ETL_VERSION = ARTIFACT + "-" + VERSION;
    /** The processor of every bad row stream-enrich writes. */
    public static final Processor PROCESSOR = new Processor(ARTIFACT, VERSION);

    private Versions() {
    }
}
