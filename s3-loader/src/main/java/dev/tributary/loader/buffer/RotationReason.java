package dev.tributary.loader.buffer;

import java.util.Locale;

/** Why a buffer became an object; a metric tag. */
public enum RotationReason {
    RECORDS, BYTES, TIME,
    /** A record belongs to a later date/hour folder than the buffer. */
    TIME_PARTITION,
    /** The buffer reached the end (or the start) of an object already stored by an earlier run: replay. */
    STORED_RANGE,
    REVOCATION, SHUTDOWN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
