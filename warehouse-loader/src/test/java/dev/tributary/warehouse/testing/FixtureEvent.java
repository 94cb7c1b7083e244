package dev.tributary.warehouse.testing;

import java.time.Instant;

/**
 * One generated event and the entities it carries.
 *
 * @param webPages   how many web_page contexts (0..2)
 * @param checkout   carries a checkout unstruct event
 * @param blob       carries a blob context (a JSON-format type)
 * @param geoCountry atomic geo_country (CHAR(2) in the warehouse)
 * @param sku        the checkout's sku (maxLength 10 in its schema)
 */
public record FixtureEvent(String eventId, String fingerprint, Instant collectorTstamp, int webPages, boolean checkout,
                           boolean blob, String geoCountry, String sku) {

    public FixtureEvent withGeoCountry(String country) {
        return new FixtureEvent(eventId, fingerprint, collectorTstamp, webPages, checkout, blob, country, sku);
    }

    public FixtureEvent withSku(String newSku) {
        return new FixtureEvent(eventId, fingerprint, collectorTstamp, webPages, true, blob, geoCountry, newSku);
    }
}
