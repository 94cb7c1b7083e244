package dev.tributary.loader.key;

import dev.tributary.loader.config.Purpose;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder part of an object key, e.g. {@code {vendor}.{name}/{format}-{model}/{yyyy}/{MM}/{dd}/{HH}}. Date tokens
 * are UTC. Schema tokens are only valid for BAD_ROWS.
 */
public final class PartitionFormat {

    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Set<String> TIME_TOKENS = Set.of("yyyy", "MM", "dd", "HH");
    private static final Set<String> SCHEMA_TOKENS = Set.of("vendor", "name", "format", "model");

    private final String format;
    private final boolean hasHour;
    private final boolean hasDate;

    private PartitionFormat(String format) {
        this.format = format;
        this.hasHour = format.contains("{HH}");
        this.hasDate = format.contains("{dd}") || hasHour;
    }

    /** @throws IllegalArgumentException naming an unknown or misplaced token */
    public static PartitionFormat parse(String format, Purpose purpose) {
        String trimmed = format.replaceAll("^/+|/+$", "");
        Matcher m = TOKEN.matcher(trimmed);
        while (m.find()) {
            String token = m.group(1);
            if (SCHEMA_TOKENS.contains(token)) {
                if (purpose != Purpose.BAD_ROWS) {
                    throw new IllegalArgumentException("{" + token + "} only with purpose BAD_ROWS");
                }
            } else if (!TIME_TOKENS.contains(token)) {
                throw new IllegalArgumentException("tokens among {yyyy} {MM} {dd} {HH} {vendor} {name} {format} "
                        + "{model}, found {" + token + "}");
            }
        }
        String rest = TOKEN.matcher(trimmed).replaceAll("x");
        if (rest.contains("{") || rest.contains("}") || rest.contains("//")) {
            throw new IllegalArgumentException("balanced {token}s and no empty folder");
        }
        return new PartitionFormat(trimmed);
    }

    /**
     * The start of the time bucket {@code time} falls in, at the finest date granularity the format has: a batch is
     * cut when a record belongs to a later bucket, so every object sits in the folder of its records' time.
     */
    public long bucketOf(long epochMillis) {
        if (hasHour) {
            return Math.floorDiv(epochMillis, 3_600_000L);
        }
        if (hasDate) {
            return Math.floorDiv(epochMillis, 86_400_000L);
        }
        return 0;
    }

    public String render(long epochMillis, SchemaGroup group) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC);
        Matcher m = TOKEN.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "yyyy" -> String.format("%04d", t.getYear());
                case "MM" -> String.format("%02d", t.getMonthValue());
                case "dd" -> String.format("%02d", t.getDayOfMonth());
                case "HH" -> String.format("%02d", t.getHour());
                case "vendor" -> group.vendor();
                case "name" -> group.name();
                case "format" -> group.format();
                case "model" -> Integer.toString(group.model());
                default -> throw new IllegalStateException(m.group(1));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
