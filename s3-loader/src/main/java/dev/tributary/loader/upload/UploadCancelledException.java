package dev.tributary.loader.upload;

/** The partition was revoked or the loader stopped while a write was still being retried. */
public final class UploadCancelledException extends RuntimeException {

    public UploadCancelledException(String operation) {
        super(operation + " cancelled");
    }
}
