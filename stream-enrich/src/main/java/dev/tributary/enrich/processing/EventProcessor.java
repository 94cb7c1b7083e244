package dev.tributary.enrich.processing;

import dev.tributary.enrich.adapter.Adapter;
import dev.tributary.enrich.adapter.AdapterEvent;
import dev.tributary.enrich.adapter.AdapterRegistry;
import dev.tributary.enrich.adapter.AdapterResult;
import dev.tributary.enrich.mapping.Querystring;
import dev.tributary.enrich.adapter.RequestPayload;
import dev.tributary.enrich.enrichments.ChainOutcome;
import dev.tributary.enrich.enrichments.EnrichmentChain;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.mapping.DerivedFields;
import dev.tributary.enrich.mapping.EventMapper;
import dev.tributary.enrich.mapping.MappingResult;
import dev.tributary.enrich.validation.AtomicFields;
import dev.tributary.enrich.validation.SelfDescribingValidator;
import dev.tributary.schemas.avro.CollectorPayload;
import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.badrows.AdapterFailures;
import dev.tributary.schemas.badrows.BadRow;
import dev.tributary.schemas.badrows.CollectorPayloadFormatViolation;
import dev.tributary.schemas.badrows.EnrichmentFailure;
import dev.tributary.schemas.badrows.EnrichmentFailures;
import dev.tributary.schemas.badrows.EnrichmentPayload;
import dev.tributary.schemas.badrows.FailureMessage;
import dev.tributary.schemas.badrows.FormatViolationMessage;
import dev.tributary.schemas.badrows.NameValue;
import dev.tributary.schemas.badrows.PartiallyEnrichedEvent;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.badrows.SchemaViolations;
import dev.tributary.schemas.badrows.TrackerProtocolViolations;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.enriched.EnrichedTsv;
import dev.tributary.schemas.iglu.SchemaCriterion;
import dev.tributary.schemas.registry.SchemaNotFoundException;
import dev.tributary.schemas.registry.SchemaRegistryException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The whole of enrichment for one raw record, without Kafka: read the collector payload, pick the adapter, map and
 * validate each event, run the enrichment chain, and say what to write. Every raw record gives at least one output
 * and every event it holds gives exactly one good event or one bad row; nothing is dropped and no bad input throws.
 *
 * <p>The one exception that escapes is a schema registry outage while reading the record: that is not the
 * record's fault, so the record must be retried rather than turned into a bad row.
 */
public final class EventProcessor {

    static final SchemaCriterion COLLECTOR_PAYLOAD =
            SchemaCriterion.parse("iglu:com.snowplowanalytics.snowplow/CollectorPayload/thrift/1-0-*");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Deserializer<CollectorPayload> deserializer;
    private final AdapterRegistry adapters;
    private final EventMapper mapper;
    private final SelfDescribingValidator validator;
    private final EnrichmentChain chain;
    private final Processor processor;
    private final Clock clock;

    public EventProcessor(Deserializer<CollectorPayload> deserializer, AdapterRegistry adapters, EventMapper mapper,
                          SelfDescribingValidator validator, EnrichmentChain chain, Processor processor,
                          Clock clock) {
        this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param topic the raw topic (the deserializer resolves the writer schema with it) */
    public List<EnrichOutput> process(String topic, byte[] raw) {
        Instant now = clock.instant();
        CollectorPayload payload;
        try {
            payload = deserializer.deserialize(topic, raw);
        } catch (SchemaNotFoundException e) {
            return formatViolation(now, raw, new FormatViolationMessage.Fallback(e.getMessage()));
        } catch (SchemaRegistryException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            return formatViolation(now, raw, new FormatViolationMessage.Fallback(String.valueOf(e.getMessage())));
        }
        if (payload == null) {
            return formatViolation(now, raw, new FormatViolationMessage.Fallback(
                    "empty record: expected an Avro CollectorPayload"));
        }
        try {
            return process(payload, raw, now);
        } catch (RuntimeException | StackOverflowError e) {
            // Last resort for a failure outside any one event (a bug, or input deep enough to exhaust the stack):
            // the record becomes a bad row carrying it, so the stream moves on and nothing is lost.
            return formatViolation(now, raw, new FormatViolationMessage.Fallback(unexpected(e)));
        }
    }

    List<EnrichOutput> process(CollectorPayload payload, byte[] raw, Instant now) {
        String schema = payload.getSchema$();
        if (!matchesCollectorPayload(schema)) {
            return formatViolation(now, raw, new FormatViolationMessage.PayloadField("schema", schema,
                    "schema must match " + COLLECTOR_PAYLOAD));
        }
        Optional<String[]> coordinates = AdapterRegistry.coordinates(payload.getPath());
        if (coordinates.isEmpty()) {
            return formatViolation(now, raw, new FormatViolationMessage.PayloadField("path", payload.getPath(),
                    "path does not match (/)vendor/version(/) nor is a legacy /i(ce.png) request"));
        }
        String nuid = payload.getNetworkUserId();
        if (nuid != null && !UUID_FORM.matcher(nuid).matches()) {
            return formatViolation(now, raw, new FormatViolationMessage.PayloadField("networkUserId", nuid,
                    "networkUserId must be a UUID"));
        }
        Charset charset;
        try {
            charset = Charset.forName(payload.getEncoding());
        } catch (RuntimeException e) {
            return formatViolation(now, raw, new FormatViolationMessage.PayloadField("encoding",
                    payload.getEncoding(), "a character encoding name such as UTF-8"));
        }
        List<NameValue> querystring;
        try {
            querystring = Querystring.parse(payload.getQuerystring(), charset);
        } catch (IllegalArgumentException e) {
            return formatViolation(now, raw, new FormatViolationMessage.PayloadField("querystring",
                    payload.getQuerystring(), "a URL-encoded querystring: " + e.getMessage()));
        }
        RequestPayload request = new RequestPayload(coordinates.get()[0], coordinates.get()[1], querystring,
                payload, charset);
        Optional<Adapter> adapter = adapters.find(request.vendor(), request.version());
        if (adapter.isEmpty()) {
            return List.of(new EnrichOutput.Bad(new AdapterFailures(processor, now, request.vendor(),
                    request.version(), List.of(new FailureMessage.InputData("vendor/version",
                    request.vendor() + "/" + request.version(), "vendor/version combination is not supported")),
                    request.toBadRowPayload())));
        }
        AdapterResult result;
        try {
            result = adapter.get().adapt(request);
        } catch (RuntimeException | StackOverflowError e) {
            result = new AdapterResult.Failure(List.of(new FailureMessage.InputData("payload", null,
                    "adapter failed unexpectedly: " + unexpected(e))));
        }
        if (result instanceof AdapterResult.Failure failure) {
            return List.of(new EnrichOutput.Bad(adapterBadRow(adapter.get(), request, failure, now)));
        }
        List<EnrichOutput> outputs = new ArrayList<>();
        for (AdapterEvent event : ((AdapterResult.Events) result).events()) {
            outputs.addAll(enrichOrBadRow(event, now));
        }
        return outputs;
    }

    /** One event's outputs; whatever escapes (a bug, a stack overflow) becomes this event's bad row. */
    private List<EnrichOutput> enrichOrBadRow(AdapterEvent adapterEvent, Instant now) {
        try {
            return enrich(adapterEvent, now);
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new EnrichOutput.Bad(new EnrichmentFailures(processor, now, List.of(new EnrichmentFailure(
                    null, new FailureMessage.SimpleError("unexpected error: " + unexpected(e)))),
                    new EnrichmentPayload(PartiallyEnrichedEvent.of(Map.of()), adapterEvent.toBadRowRaw()))));
        }
    }

    /** The class and message of an unexpected failure, capped: it goes into a bad row, not a log. */
    static String unexpected(Throwable e) {
        String text = e.toString();
        return text.length() <= 1024 ? text : text.substring(0, 1024);
    }

    private List<EnrichOutput> enrich(AdapterEvent adapterEvent, Instant now) {
        MappingResult mapped = mapper.map(adapterEvent, now);
        EnrichedEvent event = mapped.event();
        try {
            List<FailureMessage.SchemaViolationMessage> violations =
                    new ArrayList<>(AtomicFields.parseErrors(mapped.errors()));
            SelfDescribingValidator.Outcome validation = validator.validate(event);
            violations.addAll(validation.messages());
            if (!violations.isEmpty()) {
                return List.of(schemaViolations(violations, event, adapterEvent, now));
            }
            List<DerivedFields.Problem> problems = DerivedFields.apply(event,
                    adapterEvent.request().source().getRefererUri(), validation.unstructSchema());
            if (!problems.isEmpty()) {
                List<EnrichmentFailure> failures = problems.stream().map(p -> new EnrichmentFailure(null,
                        new FailureMessage.InputData(p.field(), p.value(), p.expectation()))).toList();
                return List.of(enrichmentFailures(failures, event, adapterEvent, now));
            }
            ChainOutcome outcome;
            try {
                outcome = chain.apply(event, new EnrichmentContext(rawParameters(adapterEvent),
                        adapterEvent.request().source().getHeaders()));
            } catch (RuntimeException | StackOverflowError e) {
                return List.of(enrichmentFailures(List.of(new EnrichmentFailure(null,
                        new FailureMessage.SimpleError("enrichment chain failed: " + unexpected(e)))), event,
                        adapterEvent, now));
            }
            if (outcome.failed()) {
                return List.of(enrichmentFailures(outcome.failures(), event, adapterEvent, now));
            }
            List<FailureMessage.SchemaViolationMessage> derivedViolations =
                    validator.validateDerived(outcome.derivedContexts());
            event.setDerivedContexts(SelfDescribingValidator.derivedContextsField(outcome.derivedContexts()));
            if (!derivedViolations.isEmpty()) {
                return List.of(schemaViolations(derivedViolations, event, adapterEvent, now));
            }
            List<FailureMessage.SchemaViolationMessage> lengths = AtomicFields.lengthErrors(event);
            if (!lengths.isEmpty()) {
                return List.of(schemaViolations(lengths, event, adapterEvent, now));
            }
            List<EnrichOutput> outputs = new ArrayList<>(2);
            outputs.add(new EnrichOutput.Good(event, EnrichedTsv.format(event)));
            outcome.piiEvent().ifPresent(pii -> outputs.add(new EnrichOutput.Pii(pii, EnrichedTsv.format(pii))));
            return outputs;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must not stop the stream or lose the event: it becomes a bad row carrying the event.
            return List.of(enrichmentFailures(List.of(new EnrichmentFailure(null,
                    new FailureMessage.SimpleError("unexpected error: " + unexpected(e)))), event, adapterEvent,
                    now));
        }
    }

    /** Parameters with a value, as the event fingerprint and other enrichments read them. */
    private static Map<String, String> rawParameters(AdapterEvent event) {
        Map<String, String> params = new LinkedHashMap<>();
        event.parameters().forEach((k, v) -> {
            if (v != null) {
                params.put(k, v);
            }
        });
        return params;
    }

    private BadRow adapterBadRow(Adapter adapter, RequestPayload request, AdapterResult.Failure failure,
                                 Instant now) {
        if (adapter.isTrackerProtocol()) {
            List<FailureMessage.TrackerProtocolMessage> messages = failure.messages().stream()
                    .map(m -> m instanceof FailureMessage.TrackerProtocolMessage t ? t
                            : new FailureMessage.InputData("payload", null, m.toString()))
                    .toList();
            return new TrackerProtocolViolations(processor, now, request.vendor(), request.version(), messages,
                    request.toBadRowPayload());
        }
        List<FailureMessage.AdapterMessage> messages = failure.messages().stream()
                .map(m -> m instanceof FailureMessage.AdapterMessage a ? a
                        : new FailureMessage.InputData("payload", null, m.toString()))
                .toList();
        return new AdapterFailures(processor, now, request.vendor(), request.version(), messages,
                request.toBadRowPayload());
    }

    private EnrichOutput schemaViolations(List<FailureMessage.SchemaViolationMessage> messages, EnrichedEvent event,
                                          AdapterEvent raw, Instant now) {
        return new EnrichOutput.Bad(new SchemaViolations(processor, now, messages,
                new EnrichmentPayload(partial(event), raw.toBadRowRaw())));
    }

    private EnrichOutput enrichmentFailures(List<EnrichmentFailure> failures, EnrichedEvent event, AdapterEvent raw,
                                            Instant now) {
        return new EnrichOutput.Bad(new EnrichmentFailures(processor, now, failures,
                new EnrichmentPayload(partial(event), raw.toBadRowRaw())));
    }

    private List<EnrichOutput> formatViolation(Instant now, byte[] raw, FormatViolationMessage message) {
        return List.of(new EnrichOutput.Bad(CollectorPayloadFormatViolation.ofBytes(processor, now, message,
                raw == null ? new byte[0] : raw)));
    }

    /** The event's set fields as bad rows carry them: the TSV text of each. */
    static PartiallyEnrichedEvent partial(EnrichedEvent event) {
        String[] values = EnrichedTsv.format(event).split("\t", -1);
        Map<String, String> fields = new LinkedHashMap<>();
        for (EnrichedField field : EnrichedField.all()) {
            String v = values[field.position()];
            if (!v.isEmpty()) {
                fields.put(field.fieldName(), v);
            }
        }
        return PartiallyEnrichedEvent.of(fields);
    }

    private static boolean matchesCollectorPayload(String schema) {
        try {
            return schema != null
                    && COLLECTOR_PAYLOAD.matches(dev.tributary.schemas.iglu.SchemaKey.parse(schema));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A partition key for output records when the configured field is empty. */
    static String randomKey() {
        return UUID.randomUUID().toString();
    }
}
