package dev.tributary.enrich.mapping;

import dev.tributary.schemas.avro.EnrichedEvent;
import dev.tributary.schemas.iglu.SchemaKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields Snowplow's enrich derives before running the configurable enrichments: page_url (from the Referer
 * header when {@code url} is absent) and its parts, refr_url parts, derived_tstamp, and event_vendor/name/format/
 * version.
 */
public final class DerivedFields {

    /** A field that could not be derived: input data for an enrichment_failures row. */
    public record Problem(String field, String value, String expectation) {
    }

    private DerivedFields() {
    }

    /**
     * @param refererHeader the request's Referer header, used as the page URL when the tracker sent none
     * @param unstructSchema the schema of the validated self-describing event, for unstruct events
     */
    public static List<Problem> apply(EnrichedEvent event, String refererHeader, Optional<SchemaKey> unstructSchema) {
        List<Problem> problems = new ArrayList<>();
        if (event.getPageUrl() == null && refererHeader != null && !refererHeader.isBlank()) {
            event.setPageUrl(dev.tributary.schemas.enriched.TsvSafe.clean(refererHeader));
        }
        if (event.getPageUrl() != null) {
            try {
                UrlParts page = UrlParts.parse(event.getPageUrl());
                event.setPageUrlscheme(page.scheme());
                event.setPageUrlhost(page.host());
                event.setPageUrlport(page.port());
                event.setPageUrlpath(page.path());
                event.setPageUrlquery(page.query());
                event.setPageUrlfragment(page.fragment());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("page_url", event.getPageUrl(), e.getMessage()));
            }
        }
        if (event.getPageReferrer() != null) {
            try {
                UrlParts refr = UrlParts.parse(event.getPageReferrer());
                event.setRefrUrlscheme(refr.scheme());
                event.setRefrUrlhost(refr.host());
                event.setRefrUrlport(refr.port());
                event.setRefrUrlpath(refr.path());
                event.setRefrUrlquery(refr.query());
                event.setRefrUrlfragment(refr.fragment());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("page_referrer", event.getPageReferrer(), e.getMessage()));
            }
        }
        event.setDerivedTstamp(derivedTstamp(event));
        setEventSchema(event, unstructSchema);
        return problems;
    }

    /**
     * true_tstamp if set; else collector_tstamp corrected by the device clock's send delay when the device
     * created the event before sending it; else collector_tstamp.
     */
    static Instant derivedTstamp(EnrichedEvent event) {
        if (event.getTrueTstamp() != null) {
            return event.getTrueTstamp();
        }
        Instant collector = event.getCollectorTstamp();
        Instant created = event.getDvceCreatedTstamp();
        Instant sent = event.getDvceSentTstamp();
        if (collector != null && created != null && sent != null && created.isBefore(sent)) {
            return collector.minusMillis(sent.toEpochMilli() - created.toEpochMilli());
        }
        return collector;
    }

    private static void setEventSchema(EnrichedEvent event, Optional<SchemaKey> unstructSchema) {
        if ("unstruct".equals(event.getEvent())) {
            unstructSchema.ifPresent(key -> {
                event.setEventVendor(key.vendor());
                event.setEventName(key.name());
                event.setEventFormat(key.format());
                event.setEventVersion(key.version().toString());
            });
            return;
        }
        if (event.getEvent() == null) {
            return;
        }
        EventTypes.fixedSchema(event.getEvent()).ifPresent(s -> {
            event.setEventVendor(s[0]);
            event.setEventName(s[1]);
            event.setEventFormat(s[2]);
            event.setEventVersion(s[3]);
        });
    }
}
