package dev.tributary.schemas.badrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes bad rows as Snowplow's self-describing JSON. Written by hand rather than by annotations so that the
 * field names, null handling and ordering are visible in one place and match the schemas exactly.
 */
public final class BadRowJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    // Repository error messages are capped by the schema.
    private static final int MAX_REPOSITORY_MESSAGE = 256;

    private BadRowJson() {
    }

    public static ObjectNode toJson(BadRow row) {
        ObjectNode data = JSON.objectNode();
        data.set("processor", processor(row.processor()));
        data.set("failure", failure(row));
        data.set("payload", payload(row));
        ObjectNode root = JSON.objectNode();
        root.put("schema", row.schemaKey().toUri());
        root.set("data", data);
        return root;
    }

    private static JsonNode failure(BadRow row) {
        if (row instanceof SizeViolation r) {
            ObjectNode f = withTimestamp(r.timestamp());
            f.put("maximumAllowedSizeBytes", r.maximumAllowedSizeBytes());
            f.put("actualSizeBytes", r.actualSizeBytes());
            f.put("expectation", r.expectation());
            return f;
        }
        if (row instanceof CollectorPayloadFormatViolation r) {
            ObjectNode f = withTimestamp(r.timestamp());
            f.put("loader", r.loader());
            f.set("message", formatViolation(r.message()));
            return f;
        }
        if (row instanceof AdapterFailures r) {
            return vendorFailure(r.timestamp(), r.vendor(), r.version(), r.messages());
        }
        if (row instanceof TrackerProtocolViolations r) {
            return vendorFailure(r.timestamp(), r.vendor(), r.version(), r.messages());
        }
        if (row instanceof SchemaViolations r) {
            ObjectNode f = withTimestamp(r.timestamp());
            f.set("messages", messages(r.messages()));
            return f;
        }
        if (row instanceof EnrichmentFailures r) {
            ObjectNode f = withTimestamp(r.timestamp());
            ArrayNode messages = f.putArray("messages");
            for (EnrichmentFailure failure : r.messages()) {
                ObjectNode m = messages.addObject();
                if (failure.enrichment() == null) {
                    m.putNull("enrichment");
                } else {
                    m.putObject("enrichment")
                            .put("schemaKey", failure.enrichment().schemaKey().toUri())
                            .put("identifier", failure.enrichment().identifier());
                }
                m.set("message", message(failure.message()));
            }
            return f;
        }
        if (row instanceof LoaderParsingError r) {
            return parsingFailure(r.failure());
        }
        if (row instanceof LoaderIgluError r) {
            return messages(r.failure());
        }
        if (row instanceof LoaderRuntimeError r) {
            return JSON.textNode(r.failure());
        }
        if (row instanceof GenericError r) {
            ObjectNode f = withTimestamp(r.timestamp());
            ArrayNode errors = f.putArray("errors");
            r.errors().forEach(errors::add);
            return f;
        }
        throw new IllegalStateException("unknown bad row " + row.getClass());
    }

    private static JsonNode payload(BadRow row) {
        if (row instanceof SizeViolation r) {
            return JSON.textNode(r.payload());
        }
        if (row instanceof CollectorPayloadFormatViolation r) {
            return JSON.textNode(r.payload());
        }
        if (row instanceof AdapterFailures r) {
            return collectorPayload(r.payload());
        }
        if (row instanceof TrackerProtocolViolations r) {
            return collectorPayload(r.payload());
        }
        if (row instanceof SchemaViolations r) {
            return enrichmentPayload(r.payload());
        }
        if (row instanceof EnrichmentFailures r) {
            return enrichmentPayload(r.payload());
        }
        if (row instanceof LoaderParsingError r) {
            return JSON.textNode(r.payload());
        }
        if (row instanceof LoaderIgluError r) {
            return loaderPayload(r.payload());
        }
        if (row instanceof LoaderRuntimeError r) {
            return loaderPayload(r.payload());
        }
        if (row instanceof GenericError r) {
            return JSON.textNode(r.payload());
        }
        throw new IllegalStateException("unknown bad row " + row.getClass());
    }

    /** ISO-8601 instant with millisecond precision, e.g. {@code 2024-05-01T10:15:30.123Z}. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static ObjectNode processor(Processor p) {
        return JSON.objectNode().put("artifact", p.artifact()).put("version", p.version());
    }

    private static ObjectNode withTimestamp(Instant timestamp) {
        return JSON.objectNode().put("timestamp", timestamp(timestamp));
    }

    private static ObjectNode vendorFailure(Instant timestamp, String vendor, String version,
                                            List<? extends FailureMessage> messages) {
        ObjectNode f = withTimestamp(timestamp);
        f.put("vendor", vendor);
        f.put("version", version);
        f.set("messages", messages(messages));
        return f;
    }

    private static ArrayNode messages(List<? extends FailureMessage> messages) {
        ArrayNode array = JSON.arrayNode();
        messages.forEach(m -> array.add(message(m)));
        return array;
    }

    static ObjectNode message(FailureMessage message) {
        ObjectNode m = JSON.objectNode();
        if (message instanceof FailureMessage.InputData d) {
            m.put("field", d.field()).put("value", d.value()).put("expectation", d.expectation());
        } else if (message instanceof FailureMessage.NotJson d) {
            m.put("field", d.field()).put("value", d.value()).put("error", d.error());
        } else if (message instanceof FailureMessage.NotIglu d) {
            m.set("json", d.json());
            m.put("error", d.error().name());
        } else if (message instanceof FailureMessage.SchemaMapping d) {
            m.put("actual", d.actual());
            // Sorted so that the same failure always serialises to the same line.
            ObjectNode mapping = m.putObject("expectedMapping");
            new TreeMap<>(d.expectedMapping()).forEach(mapping::put);
            m.put("expectation", d.expectation());
        } else if (message instanceof FailureMessage.IgluError d) {
            m.put("schemaKey", d.schemaKey().toUri());
            m.set("error", igluClientError(d.error()));
        } else if (message instanceof FailureMessage.CriterionMismatch d) {
            m.put("schemaKey", d.schemaKey().toUri()).put("schemaCriterion", d.schemaCriterion().toString());
        } else if (message instanceof FailureMessage.SimpleError d) {
            m.put("error", d.error());
        } else if (message instanceof FailureMessage.InvalidSchema d) {
            m.put("schemaKey", d.schemaKey().toUri()).put("message", d.message());
        } else if (message instanceof FailureMessage.SchemaListNotFound d) {
            m.put("schemaCriterion", d.schemaCriterion().toString());
            m.set("error", igluClientError(d.error()));
        } else if (message instanceof FailureMessage.WrongType d) {
            m.put("schemaKey", d.schemaKey().toUri());
            m.set("value", d.value());
            m.put("expected", d.expected());
        } else if (message instanceof FailureMessage.NotAnArray d) {
            m.put("schemaKey", d.schemaKey().toUri());
            m.set("value", d.value());
            m.put("expected", d.expected());
        } else if (message instanceof FailureMessage.MissingInValue d) {
            m.put("schemaKey", d.schemaKey().toUri()).put("key", d.key());
            m.set("value", d.value());
        } else {
            throw new IllegalStateException("unknown failure message " + message.getClass());
        }
        return m;
    }

    private static ObjectNode igluClientError(IgluClientError error) {
        ObjectNode e = JSON.objectNode();
        if (error instanceof IgluClientError.ResolutionFailure r) {
            e.put("error", "ResolutionError");
            ArrayNode history = e.putArray("lookupHistory");
            for (IgluClientError.RepositoryHistory h : r.lookupHistory()) {
                ObjectNode entry = history.addObject();
                entry.put("repository", h.repository());
                ArrayNode errors = entry.putArray("errors");
                for (IgluClientError.RepositoryError re : h.errors()) {
                    ObjectNode item = errors.addObject().put("error", re.kind().wireName());
                    if (re.message() != null) {
                        item.put("message", cap(re.message(), MAX_REPOSITORY_MESSAGE));
                    }
                }
                entry.put("attempts", h.attempts());
                entry.put("lastAttempt", timestamp(h.lastAttempt()));
            }
        } else if (error instanceof IgluClientError.ValidationFailure v) {
            e.put("error", "ValidationError");
            ArrayNode reports = e.putArray("dataReports");
            for (IgluClientError.DataReport report : v.dataReports()) {
                ObjectNode item = reports.addObject();
                item.put("message", report.message()).put("path", report.path()).put("keyword", report.keyword());
                if (report.targets() == null) {
                    item.putNull("targets");
                } else {
                    ArrayNode targets = item.putArray("targets");
                    report.targets().forEach(targets::add);
                }
            }
            e.put("supersededBy", v.supersededBy());
        } else if (error instanceof IgluClientError.InvalidSchemaFailure s) {
            e.put("error", "ValidationError");
            ArrayNode issues = e.putArray("schemaIssues");
            s.schemaIssues().forEach(i -> issues.addObject().put("path", i.path()).put("message", i.message()));
            e.put("supersededBy", s.supersededBy());
        }
        return e;
    }

    private static ObjectNode formatViolation(FormatViolationMessage message) {
        if (message instanceof FormatViolationMessage.Fallback f) {
            return JSON.objectNode().put("error", f.error());
        }
        FormatViolationMessage.PayloadField p = (FormatViolationMessage.PayloadField) message;
        return JSON.objectNode().put("payloadField", p.payloadField()).put("value", p.value())
                .put("expectation", p.expectation());
    }

    private static ObjectNode parsingFailure(LoaderParsingFailure failure) {
        ObjectNode f = JSON.objectNode();
        if (failure instanceof LoaderParsingFailure.NotTsv) {
            f.put("type", "NotTSV");
        } else if (failure instanceof LoaderParsingFailure.FieldNumberMismatch m) {
            f.put("type", "FieldNumberMismatch").put("fieldCount", m.fieldCount());
        } else if (failure instanceof LoaderParsingFailure.RowDecodingError r) {
            f.put("type", "RowDecodingError");
            ArrayNode errors = f.putArray("errors");
            for (LoaderParsingFailure.DecodingIssue issue : r.errors()) {
                if (issue instanceof LoaderParsingFailure.InvalidValue v) {
                    errors.addObject().put("type", "InvalidValue").put("key", v.key()).put("value", v.value())
                            .put("message", v.message());
                } else if (issue instanceof LoaderParsingFailure.UnhandledDecodingError u) {
                    errors.addObject().put("type", "UnhandledRowDecodingError").put("message", u.message());
                }
            }
        }
        return f;
    }

    private static ObjectNode collectorPayload(CollectorPayloadData p) {
        ObjectNode o = JSON.objectNode();
        o.put("vendor", p.vendor());
        o.put("version", p.version());
        o.set("querystring", nameValues(p.querystring()));
        o.put("contentType", p.contentType());
        o.put("body", p.body());
        o.put("collector", p.collector());
        o.put("encoding", p.encoding());
        o.put("hostname", p.hostname());
        o.put("timestamp", p.timestamp() == null ? null : timestamp(p.timestamp()));
        o.put("ipAddress", p.ipAddress());
        o.put("useragent", p.useragent());
        o.put("refererUri", p.refererUri());
        o.set("headers", strings(p.headers()));
        o.put("networkUserId", p.networkUserId());
        return o;
    }

    private static ObjectNode enrichmentPayload(EnrichmentPayload p) {
        ObjectNode o = JSON.objectNode();
        o.set("enriched", partiallyEnriched(p.enriched()));
        o.set("raw", rawEvent(p.raw()));
        return o;
    }

    private static ObjectNode rawEvent(RawEvent r) {
        ObjectNode o = JSON.objectNode();
        o.put("vendor", r.vendor());
        o.put("version", r.version());
        o.set("parameters", nameValues(r.parameters()));
        o.put("contentType", r.contentType());
        o.put("loaderName", r.loaderName());
        o.put("encoding", r.encoding());
        o.put("hostname", r.hostname());
        o.put("timestamp", r.timestamp() == null ? null : timestamp(r.timestamp()));
        o.put("ipAddress", r.ipAddress());
        o.put("useragent", r.useragent());
        o.put("refererUri", r.refererUri());
        o.set("headers", strings(r.headers()));
        o.put("userId", r.userId());
        return o;
    }

    private static ObjectNode partiallyEnriched(PartiallyEnrichedEvent event) {
        ObjectNode o = JSON.objectNode();
        for (EnrichedFields.Field field : EnrichedFields.FIELDS) {
            String value = event.get(field.name());
            if (value == null) {
                o.putNull(field.name());
            } else {
                switch (field.partiallyEnrichedType()) {
                    case INTEGER -> o.put(field.name(), Long.parseLong(value));
                    case NUMBER -> o.put(field.name(), new BigDecimal(value));
                    default -> o.put(field.name(), value);
                }
            }
        }
        return o;
    }

    private static ObjectNode loaderPayload(LoaderPayload payload) {
        ObjectNode o = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : payload.fields().entrySet()) {
            o.set(e.getKey(), e.getValue());
        }
        return o;
    }

    private static JsonNode nameValues(List<NameValue> values) {
        if (values == null) {
            return JSON.nullNode();
        }
        ArrayNode array = JSON.arrayNode();
        values.forEach(nv -> array.addObject().put("name", nv.name()).put("value", nv.value()));
        return array;
    }

    private static JsonNode strings(List<String> values) {
        if (values == null) {
            return JSON.nullNode();
        }
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
