package dev.tributary.loader.upload;

/** One object of a batch: written now, or found already stored by an earlier run (conditional write refused). */
public record WriteOutcome(String key, long bytes, boolean alreadyStored, boolean multipart) {
}
