package dev.tributary.enrich.enrichments.anonip;

import dev.tributary.enrich.enrichments.Enrichment;
import dev.tributary.enrich.enrichments.EnrichmentConfig;
import dev.tributary.enrich.enrichments.EnrichmentConfigException;
import dev.tributary.enrich.enrichments.EnrichmentContext;
import dev.tributary.enrich.enrichments.EnrichmentResult;
import dev.tributary.schemas.avro.EnrichedEvent;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * anon_ip: masks the end of user_ipaddress with {@code x}. IPv4 keeps {@code 4 - anonOctets} octets
 * ({@code 94.15.223.151} with 3 becomes {@code 94.x.x.x}); IPv6 is expanded to eight segments and keeps
 * {@code 8 - anonSegments} ({@code 2605:2700:0:3::4713:93e3} with 4 becomes {@code 2605:2700:0:3:x:x:x:x}).
 * {@code anonSegments} defaults to {@code anonOctets}, as in Snowplow. Runs after the IP lookups.
 */
public final class AnonIpEnrichment implements Enrichment {

    private static final String MASK = "x";
    private static final String MAPPED_PREFIX = "::FFFF:";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+(%.+)?");

    private final int octets;
    private final int segments;

    public AnonIpEnrichment(int anonOctets, int anonSegments) {
        if (anonOctets < 1 || anonOctets > 4 || anonSegments < 1 || anonSegments > 8) {
            throw new IllegalArgumentException("anonOctets 1-4 and anonSegments 1-8 expected");
        }
        this.octets = anonOctets;
        this.segments = anonSegments;
    }

    public static Enrichment create(EnrichmentConfig config) throws EnrichmentConfigException {
        int octets = config.requiredInt("anonOctets", 1, 4);
        Integer segments = config.optionalInt("anonSegments", 1, 8);
        return new AnonIpEnrichment(octets, segments == null ? Math.min(octets, 8) : segments);
    }

    @Override
    public String name() {
        return "anon_ip";
    }

    @Override
    public EnrichmentResult enrich(EnrichedEvent event, EnrichmentContext context) {
        String ip = event.getUserIpaddress();
        if (ip != null) {
            event.setUserIpaddress(anonymize(ip));
        }
        return EnrichmentResult.none();
    }

    /** The masked form of {@code ip}; text that is no IP address is masked on a best-effort basis. */
    public String anonymize(String ip) {
        if (ip.regionMatches(true, 0, MAPPED_PREFIX, 0, MAPPED_PREFIX.length())
                && IPV4.matcher(ip.substring(MAPPED_PREFIX.length())).matches()) {
            return MAPPED_PREFIX + maskV4(ip.substring(MAPPED_PREFIX.length()));
        }
        if (IPV4.matcher(ip).matches()) {
            return maskV4(ip);
        }
        if (ip.contains(":") && IPV6_CHARS.matcher(ip).matches()) {
            try {
                InetAddress address = InetAddress.getByName(ip);
                if (address instanceof Inet6Address) {
                    // getHostAddress expands to eight segments without leading zeros, as Guava does for Snowplow.
                    String expanded = address.getHostAddress();
                    int zone = expanded.indexOf('%');
                    return maskV6(zone < 0 ? expanded : expanded.substring(0, zone));
                }
                return maskV4(address.getHostAddress());
            } catch (UnknownHostException e) {
                return maskV6(ip);
            }
        }
        // Snowplow keeps masking broken input such as "777.2.23" rather than passing it through.
        if (ip.contains(".") || ip.isEmpty()) {
            return maskV4(ip);
        }
        return ip.contains(":") ? maskV6(ip) : ip;
    }

    private String maskV4(String ip) {
        String[] parts = ip.split("\\.", -1);
        List<String> kept = new ArrayList<>(Arrays.asList(parts).subList(0, Math.max(0, Math.min(parts.length,
                4 - octets))));
        while (kept.size() < parts.length) {
            kept.add(MASK);
        }
        return String.join(".", kept);
    }

    private String maskV6(String ip) {
        String[] parts = ip.split(":", -1);
        List<String> kept = new ArrayList<>(Arrays.asList(parts).subList(0, Math.min(parts.length, 8 - segments)));
        while (kept.size() < 8) {
            kept.add(MASK);
        }
        return String.join(":", kept);
    }
}
