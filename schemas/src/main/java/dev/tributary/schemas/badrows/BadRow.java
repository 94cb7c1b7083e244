package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.iglu.SchemaKey;

/**
 * A self-describing bad row, one per failed event, in Snowplow's {@code com.snowplowanalytics.snowplow.badrows}
 * format: {@code {"schema": <schemaKey>, "data": {"processor": ..., "failure": ..., "payload": ...}}}.
 */
public sealed interface BadRow permits SizeViolation, CollectorPayloadFormatViolation, AdapterFailures,
        TrackerProtocolViolations, SchemaViolations, EnrichmentFailures, LoaderParsingError, LoaderIgluError,
        LoaderRuntimeError, GenericError {

    String VENDOR = "com.snowplowanalytics.snowplow.badrows";

    SchemaKey schemaKey();

    Processor processor();

    /** The self-describing JSON. */
    default ObjectNode toJson() {
        return BadRowJson.toJson(this);
    }

    /** The self-describing JSON on one line, as written to the bad topic. */
    default String toJsonLine() {
        return toJson().toString();
    }

    static SchemaKey key(String name, String version) {
        return SchemaKey.parse("iglu:" + VENDOR + "/" + name + "/jsonschema/" + version);
    }
}
