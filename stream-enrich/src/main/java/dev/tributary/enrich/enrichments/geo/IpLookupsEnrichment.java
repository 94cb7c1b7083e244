package dev.tributary.enrich.enrichments.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.model.CityResponse;
import com.maxmind.geoip2.model.ConnectionTypeResponse;
import com.maxmind.geoip2.model.DomainResponse;
import com.maxmind.geoip2.model.IspResponse;
import com.maxmind.geoip2.record.Subdivision;
import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ip_lookups: looks user_ipaddress up in MaxMind GeoIP2/GeoLite2 databases. {@code geo} (City) fills geo_country,
 * geo_region, geo_city, geo_zipcode, geo_latitude, geo_longitude, geo_region_name and geo_timezone; {@code isp}
 * fills ip_isp and ip_organization; {@code domain} ip_domain; {@code connectionType} ip_netspeed. Each database
 * is optional. As in Snowplow, a lookup that fails (address not found, not an address) leaves the fields empty
 * and never fails the event.
 */
public final class IpLookupsEnrichment implements Enrichment, AutoCloseable {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private final DatabaseReader geo;
    private final DatabaseReader isp;
    private final DatabaseReader domain;
    private final DatabaseReader connectionType;

    /** Any reader may be null: that lookup is not configured. */
    public IpLookupsEnrichment(DatabaseReader geo, DatabaseReader isp, DatabaseReader domain,
                               DatabaseReader connectionType) {
        this.geo = geo;
        this.isp = isp;
        this.domain = domain;
        this.connectionType = connectionType;
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        DatabaseReader geo = null;
        DatabaseReader isp = null;
        DatabaseReader domain = null;
        DatabaseReader connection = null;
        try {
            geo = open(config, "geo", "City");
            isp = open(config, "isp", "ISP");
            domain = open(config, "domain", "Domain");
            connection = open(config, "connectionType", "Connection-Type");
        } catch (EnrichmentConfigException e) {
            new IpLookupsEnrichment(geo, isp, domain, connection).close();
            throw e;
        }
        if (geo == null && isp == null && domain == null && connection == null) {
            throw config.error("parameters", "expected at least one of geo, isp, domain, connectionType");
        }
        return new IpLookupsEnrichment(geo, isp, domain, connection);
    }

    /** Opens one MaxMind database file (memory-mapped), for tests and embedding. */
    public static DatabaseReader openDatabase(Path file) throws IOException {
        return new DatabaseReader.Builder(file.toFile()).fileMode(Reader.FileMode.MEMORY_MAPPED).build();
    }

    /**
     * Opens the database of one lookup, checking from its metadata that it is the right kind (a GeoLite2-ASN file
     * renamed to GeoLite2-City.mmdb would otherwise fail every lookup silently).
     */
    private static DatabaseReader open(EnrichmentConfig config, String lookup, String expectedType)
            throws EnrichmentConfigException {
        JsonNode node = config.parameter(lookup);
        if (node.isMissingNode()) {
            return null;
        }
        String database = config.requiredString(lookup + ".database");
        String uri = config.requiredString(lookup + ".uri");
        Path file = config.assets().locate(config, "parameters." + lookup, uri, database);
        DatabaseReader reader;
        try {
            reader = openDatabase(file);
        } catch (IOException | RuntimeException e) {
            throw new EnrichmentConfigException(config.file(), "parameters." + lookup + ".database",
                    "expected a readable MaxMind .mmdb database at " + file + ": " + e.getMessage(), e);
        }
        String type = reader.metadata().databaseType();
        if (type == null || !type.contains(expectedType)) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // only releases the mapping
            }
            throw config.error("parameters." + lookup + ".database", "expected a MaxMind " + expectedType
                    + " database, got a " + type + " database in " + file);
        }
        return reader;
    }

    @Override
    public String name() {
        return "ip_lookups";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        String ip = event.getUserIpaddress();
        if (ip == null || !IP_LITERAL.matcher(ip).matches()) {
            return EnrichmentResult.none();
        }
        InetAddress address;
        try {
            // Only literals reach here, so no DNS lookup happens.
            address = InetAddress.getByName(ip);
        } catch (IOException e) {
            return EnrichmentResult.none();
        }
        if (geo != null) {
            lookup(() -> geo.tryCity(address)).ifPresent(city -> applyCity(event, city));
        }
        if (isp != null) {
            lookup(() -> isp.tryIsp(address)).ifPresent(r -> applyIsp(event, r));
        }
        if (domain != null) {
            lookup(() -> domain.tryDomain(address)).map(DomainResponse::domain).ifPresent(event::setIpDomain);
        }
        if (connectionType != null) {
            lookup(() -> connectionType.tryConnectionType(address)).map(ConnectionTypeResponse::connectionType)
                    .ifPresent(t -> event.setIpNetspeed(t.toString()));
        }
        return EnrichmentResult.none();
    }

    private static void applyCity(EnrichedEvent event, CityResponse city) {
        if (city.country() != null) {
            event.setGeoCountry(city.country().isoCode());
        }
        Subdivision region = city.mostSpecificSubdivision();
        if (region != null) {
            event.setGeoRegion(region.isoCode());
            event.setGeoRegionName(region.name());
        }
        if (city.city() != null) {
            event.setGeoCity(city.city().name());
        }
        if (city.postal() != null) {
            event.setGeoZipcode(city.postal().code());
        }
        if (city.location() != null) {
            event.setGeoLatitude(city.location().latitude());
            event.setGeoLongitude(city.location().longitude());
            event.setGeoTimezone(city.location().timeZone());
        }
    }

    private static void applyIsp(EnrichedEvent event, IspResponse response) {
        event.setIpIsp(response.isp());
        event.setIpOrganization(response.organization());
    }

    @FunctionalInterface
    private interface Lookup<T> {
        Optional<T> get() throws Exception;
    }

    private static <T> Optional<T> lookup(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (Exception e) {
            // Snowplow swallows lookup failures: the event simply has no geo/ISP fields.
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        for (DatabaseReader reader : new DatabaseReader[] {geo, isp, domain, connectionType}) {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // closing a memory-mapped reader only releases the mapping
                }
            }
        }
    }
}
