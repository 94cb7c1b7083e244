package dev.tributary.enrich.enrichments;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events and configuration files for enrichment tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A page view as the parameter mapping leaves it before the enrichments run. */
    public static EnrichedEvent pageView(String pageUrl) {
        EnrichedEvent e = new EnrichedEvent();
        e.setEventId("c6ef3124-b53a-4b13-a233-0088f79dcbcb");
        e.setAppId("shop");
        e.setPlatform("web");
        e.setEvent("page_view");
        e.setVEtl("tributary-0.1.0");
        e.setCollectorTstamp(Instant.parse("2026-01-02T03:04:05.678Z"));
        e.setEtlTstamp(Instant.parse("2026-01-02T03:04:06.000Z"));
        e.setUserIpaddress("81.2.69.142");
        e.setUseragent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36");
        e.setPageUrl(pageUrl);
        java.net.URI uri = java.net.URI.create(pageUrl);
        e.setPageUrlscheme(uri.getScheme());
        e.setPageUrlhost(uri.getHost());
        e.setPageUrlpath(uri.getRawPath());
        e.setPageUrlquery(uri.getRawQuery());
        return e;
    }

    /** Sets page_referrer and its exploded refr_url* fields, as the parameter mapping does. */
    public static EnrichedEvent withReferrer(EnrichedEvent e, String referrer) {
        java.net.URI uri = java.net.URI.create(referrer);
        e.setPageReferrer(referrer);
        e.setRefrUrlscheme(uri.getScheme());
        e.setRefrUrlhost(uri.getHost());
        e.setRefrUrlpath(uri.getRawPath());
        e.setRefrUrlquery(uri.getRawQuery());
        return e;
    }

    public static EnrichmentContext context(Map<String, String> parameters, List<String> headers) {
        return new EnrichmentContext(parameters, headers);
    }

    public static EnrichmentContext noContext() {
        return new EnrichmentContext(Map.of(), List.of());
    }

    /** Writes a self-describing enrichment configuration {@code file} into {@code dir}. */
    public static Path writeConfig(Path dir, String file, String schema, boolean enabled, String parametersJson) {
        String json = "{\"schema\":\"" + schema + "\",\"data\":{\"name\":\"" + file.replace(".json", "")
                + "\",\"vendor\":\"" + schema.substring(5, schema.indexOf('/')) + "\",\"enabled\":" + enabled
                + ",\"parameters\":" + parametersJson + "}}";
        try {
            new ObjectMapper().readTree(json); // fail early on a typo in a test, not in the loader
            return Files.writeString(dir.resolve(file), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test referer database copied into {@code dir}; returns its {@code file:} directory URI. */
    public static String refererDatabaseIn(Path dir) {
        try (var in = TestEvents.class.getResourceAsStream("/enrichments-test/referers-test.json")) {
            Files.copy(in, dir.resolve("referers-test.json"));
            return dir.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GeoLite2-City.mmdb (from the geolite2-databases test jar) copied into {@code dir}. */
    public static Path geoLiteCityIn(Path dir) {
        Path file = dir.resolve("GeoLite2-City.mmdb");
        if (!Files.exists(file)) {
            try (var in = TestEvents.class.getResourceAsStream("/GeoLite2-City.mmdb")) {
                Files.copy(in, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
