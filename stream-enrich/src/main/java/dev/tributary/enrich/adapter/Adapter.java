package dev.tributary.enrich.adapter;

/** Turns one collector request for a {@code vendor/version} into tracker-protocol events. */
public interface Adapter {

    /** Whether a failure of this adapter is a tracker_protocol_violations (Snowplow trackers) rather than an adapter_failures. */
    boolean isTrackerProtocol();

    AdapterResult adapt(RequestPayload request);
}
