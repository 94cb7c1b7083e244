package dev.tributary.loader.key;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object keys {@code <prefix>/<partition format>/<topic>-<partition>-<firstOffset>-<lastOffset>.gz}. The file name is
 * what the loader reads back after a restart, so it is parsed strictly.
 */
public final class ObjectKeys {

    private final String prefix;
    private final PartitionFormat format;

    public ObjectKeys(String prefix, PartitionFormat format) {
        this.prefix = prefix.replaceAll("^/+|/+$", "");
        this.format = format;
    }

    public PartitionFormat format() {
        return format;
    }

    /** Where every object of this loader lives, with a trailing slash (or empty). */
    public String root() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    public String key(long epochMillis, SchemaGroup group, String topic, int partition, OffsetRange range) {
        String folder = format.render(epochMillis, group);
        return root() + (folder.isEmpty() ? "" : folder + "/") + fileName(topic, partition, range);
    }

    public static String fileName(String topic, int partition, OffsetRange range) {
        return topic + "-" + partition + "-" + range.first() + "-" + range.last() + ".gz";
    }

    /** The range of an object of {@code topic}-{@code partition}, if {@code key} names one. */
    public static Optional<OffsetRange> rangeOf(String key, String topic, int partition) {
        String file = key.substring(key.lastIndexOf('/') + 1);
        Matcher m = Pattern.compile(Pattern.quote(topic + "-" + partition + "-") + "(\\d+)-(\\d+)\\.gz").matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OffsetRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
