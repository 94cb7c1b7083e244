package dev.tributary.trigger.plan;

/**
 * How an archive step picks its run folder: {@code PIPELINE} archives the folder this run created, {@code RECOVER}
 * the latest {@code run=} folder already there (a resumed run did not create one), {@code SKIP} does nothing.
 */
public enum ArchiveMode { PIPELINE, RECOVER, SKIP }
