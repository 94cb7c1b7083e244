package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tributary.schemas.iglu.IgluParseException;
import dev.tributary.schemas.iglu.LookupAttempt;
import dev.tributary.schemas.iglu.ResolutionError;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.iglu.ValidationIssue;
import dev.tributary.schemas.iglu.ValidationResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One realistic, fully populated instance of every bad-row type, as the producers would build them. */
final class BadRowExamples {

    static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589Z");
    static final Processor ENRICH = new Processor("tributary-stream-enrich", "0.1.0");
    static final Processor COLLECTOR = new Processor("tributary-collector", "0.1.0-SNAPSHOT");
    static final Processor LOADER = new Processor("tributary-shredder", "0.1.0");
    static final SchemaKey CLICK = SchemaKey.parse("iglu:com.acme/click/jsonschema/1-0-0");
    static final String NUID = "7b9c1a0e-3f7d-4a0b-9a0e-3c1f2d4e5a6b";

    private BadRowExamples() {
    }

    static List<BadRow> all() {
        return List.of(sizeViolation(), formatViolation(), adapterFailures(), trackerProtocolViolations(),
                schemaViolations(), enrichmentFailures(), loaderParsingError(), loaderIgluError(),
                loaderRuntimeError(), genericError());
    }

    static SizeViolation sizeViolation() {
        String body = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4\",\"data\":["
                + "{\"e\":\"pv\",\"p\":\"web\",\"tv\":\"js-3.0.0\"}".repeat(40) + "]}";
        return SizeViolation.of(COLLECTOR, NOW, 1_000_000, 1_523_114,
                "oversized collector payload: GET requests cannot be split", body, 100);
    }

    static CollectorPayloadFormatViolation formatViolation() {
        return CollectorPayloadFormatViolation.ofBytes(ENRICH, NOW,
                new FormatViolationMessage.PayloadField("networkUserId", "not-a-uuid", "a UUID"),
                new byte[]{0x0b, 0x7a, 0x69, 0x00, 0x00, 0x00, 0x41});
    }

    static CollectorPayloadData collectorPayload(String vendor, String version) {
        return new CollectorPayloadData(vendor, version,
                List.of(new NameValue("e", "pv"), new NameValue("flag", null)),
                "application/json; charset=UTF-8", "{\"not\":\"a tracker body\"}", "tributary-collector-0.1.0-kafka",
                "UTF-8", "collector.acme.example", NOW.minusSeconds(2), "203.0.113.7",
                "Mozilla/5.0 (X11; Linux x86_64)", "https://shop.acme.example/cart",
                List.of("Host: collector.acme.example", "X-Forwarded-For: 203.0.113.7"), NUID);
    }

    static AdapterFailures adapterFailures() {
        return new AdapterFailures(ENRICH, NOW, "com.mailchimp", "v1", List.of(
                new FailureMessage.InputData("type", null, "a Mailchimp event type"),
                new FailureMessage.NotJson("data[merges]", "{oops", "Unexpected character 'o'"),
                new FailureMessage.NotIglu(JsonNodeFactory.instance.objectNode().put("schema", "acme"),
                        IgluParseException.Reason.INVALID_IGLUURI),
                new FailureMessage.SchemaMapping("unsubscribed", Map.of(
                        "subscribe", "iglu:com.mailchimp/subscribe/jsonschema/1-0-0",
                        "unsubscribe", "iglu:com.mailchimp/unsubscribe/jsonschema/1-0-0"),
                        "no schema associated with the provided type parameter")),
                collectorPayload("com.mailchimp", "v1"));
    }

    static TrackerProtocolViolations trackerProtocolViolations() {
        ResolutionError notFound = new ResolutionError(CLICK, List.of(
                new LookupAttempt("Iglu Central", LookupAttempt.Outcome.NOT_FOUND, null, NOW),
                new LookupAttempt("Acme", LookupAttempt.Outcome.UNREACHABLE, "connect timed out", NOW)));
        return new TrackerProtocolViolations(ENRICH, NOW, "com.snowplowanalytics.snowplow", "tp2", List.of(
                new FailureMessage.InputData("contentType", "text/plain",
                        "one of application/json, application/json; charset=utf-8"),
                new FailureMessage.NotJson("body", "{\"schema\":", "Unexpected end of input"),
                new FailureMessage.NotIglu(JsonNodeFactory.instance.objectNode().put("data", 1),
                        IgluParseException.Reason.INVALID_SCHEMA),
                FailureMessage.IgluError.of(new ValidationResult.Unresolved(notFound)),
                new FailureMessage.CriterionMismatch(CLICK, SchemaCriterion.parse(
                        "iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-*"))),
                collectorPayload("com.snowplowanalytics.snowplow", "tp2"));
    }

    static Map<String, String> enrichedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("app_id", "shop");
        fields.put("platform", "web");
        fields.put("etl_tstamp", "2026-03-14 09:26:53.589");
        fields.put("collector_tstamp", "2026-03-14 09:26:51.589");
        fields.put("event", "page_view");
        fields.put("event_id", "c6ef3124-b53a-4b13-a233-0088f79dcbcb");
        fields.put("txn_id", "421");
        fields.put("v_tracker", "js-3.0.0");
        fields.put("v_collector", "tributary-collector-0.1.0-kafka");
        fields.put("v_etl", "tributary-stream-enrich-0.1.0");
        fields.put("user_ipaddress", "203.0.113.7");
        fields.put("domain_sessionidx", "3");
        fields.put("network_userid", NUID);
        fields.put("geo_country", "FR");
        fields.put("geo_latitude", "48.8566");
        fields.put("geo_longitude", "2.3522");
        fields.put("page_url", "https://shop.acme.example/cart?x=1");
        fields.put("page_urlport", "443");
        fields.put("contexts", "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1\","
                + "\"data\":[{\"schema\":\"iglu:com.acme/user/jsonschema/1-0-0\",\"data\":{\"tier\":\"gold\"}}]}");
        fields.put("se_value", "12.5");
        fields.put("tr_total", "99.90");
        fields.put("br_features_pdf", "1");
        fields.put("br_cookies", "0");
        fields.put("br_viewwidth", "1280");
        fields.put("dvce_ismobile", "0");
        fields.put("dvce_sent_tstamp", "2026-03-14 09:26:50.100");
        fields.put("derived_tstamp", "2026-03-14 09:26:51.000");
        fields.put("event_vendor", "com.snowplowanalytics.snowplow");
        fields.put("event_name", "page_view");
        fields.put("event_format", "jsonschema");
        fields.put("event_version", "1-0-0");
        return fields;
    }

    static EnrichmentPayload enrichmentPayload() {
        Map<String, String> partial = new LinkedHashMap<>(enrichedFields());
        partial.remove("tr_total");
        partial.remove("se_value");
        partial.remove("txn_id");
        RawEvent raw = new RawEvent("com.snowplowanalytics.snowplow", "tp2",
                List.of(new NameValue("e", "pv"), new NameValue("url", "https://shop.acme.example/cart?x=1")),
                "application/json", "thrift", "UTF-8", "collector.acme.example", NOW.minusSeconds(2),
                "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", "https://shop.acme.example/",
                List.of("Host: collector.acme.example"), NUID);
        return new EnrichmentPayload(PartiallyEnrichedEvent.of(partial), raw);
    }

    static SchemaViolations schemaViolations() {
        ValidationResult invalid = new ValidationResult.Invalid(CLICK, List.of(
                new ValidationIssue("$.target", "type", "$.target: integer found, string expected")));
        return new SchemaViolations(ENRICH, NOW, List.of(
                FailureMessage.IgluError.of(invalid),
                new FailureMessage.NotJson("ue_px", null, "invalid base64"),
                new FailureMessage.NotIglu(JsonNodeFactory.instance.objectNode().put("schema", "iglu:a/b/c/1-0"),
                        IgluParseException.Reason.INVALID_SCHEMAVER),
                new FailureMessage.CriterionMismatch(CLICK, SchemaCriterion.parse(
                        "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-*-*"))),
                enrichmentPayload());
    }

    static EnrichmentFailures enrichmentFailures() {
        SchemaKey apiConfig = SchemaKey.parse(
                "iglu:com.snowplowanalytics.snowplow.enrichments/api_request_enrichment_config/jsonschema/1-0-2");
        return new EnrichmentFailures(ENRICH, NOW, List.of(
                new EnrichmentFailure(new EnrichmentFailure.Enrichment(apiConfig, "api-request"),
                        new FailureMessage.SimpleError("HTTP 503 from https://api.acme.example/users")),
                new EnrichmentFailure(new EnrichmentFailure.Enrichment(apiConfig, "api-request"),
                        new FailureMessage.InputData("user_id", null, "a non-empty user id")),
                new EnrichmentFailure(null, FailureMessage.IgluError.of(new ValidationResult.InvalidSchema(CLICK,
                        "unknown $ref")))),
                enrichmentPayload());
    }

    static LoaderParsingError loaderParsingError() {
        return new LoaderParsingError(LOADER, new LoaderParsingFailure.RowDecodingError(List.of(
                new LoaderParsingFailure.InvalidValue("collector_tstamp", "yesterday", "not a timestamp"),
                new LoaderParsingFailure.UnhandledDecodingError("unexpected end of row"))),
                "shop\tweb\t2026-03-14 09:26:53.589\tyesterday");
    }

    static LoaderPayload loaderPayload() {
        List<String> tsv = new ArrayList<>();
        Map<String, String> fields = enrichedFields();
        for (String name : EnrichedFields.NAMES) {
            tsv.add(fields.getOrDefault(name, ""));
        }
        return LoaderPayload.fromTsv(tsv);
    }

    static LoaderIgluError loaderIgluError() {
        var value = JsonNodeFactory.instance.objectNode().put("tier", 7);
        return new LoaderIgluError(LOADER, List.of(
                FailureMessage.IgluError.of(new ValidationResult.Invalid(CLICK, List.of(
                        new ValidationIssue("$.target", "required", "$.target: is missing but it is required")))),
                new FailureMessage.InvalidSchema(CLICK, "not a JSON Schema: 'type' must be a string or array"),
                new FailureMessage.SchemaListNotFound(SchemaCriterion.parse("iglu:com.acme/click/jsonschema/1-*-*"),
                        IgluClientError.from(new ResolutionError(CLICK, List.of(new LookupAttempt("Iglu Central",
                                LookupAttempt.Outcome.NOT_FOUND, null, NOW))))),
                new FailureMessage.WrongType(CLICK, value, "string"),
                new FailureMessage.NotAnArray(CLICK, value, "array"),
                new FailureMessage.MissingInValue(CLICK, "target", value)),
                loaderPayload());
    }

    static LoaderRuntimeError loaderRuntimeError() {
        return new LoaderRuntimeError(LOADER, "java.sql.SQLException: connection reset\n\tat org.postgresql...",
                loaderPayload());
    }

    static GenericError genericError() {
        return new GenericError(new Processor("tributary-s3-loader", "0.1.0"), NOW,
                List.of("S3 upload failed: 403 Forbidden", "giving up after 10 attempts"),
                "shop\tweb\t2026-03-14 09:26:53.589");
    }
}
