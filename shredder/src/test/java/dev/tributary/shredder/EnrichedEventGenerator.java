package dev.tributary.shredder;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes enriched TSV lines the way stream-enrich does, with natural and synthetic duplicates, entities of every
 * kind and corrupt lines, and keeps the books: what a correct shredder must produce, folder by folder.
 */
public final class EnrichedEventGenerator {

    static final ShreddedType WEB_PAGE = tsv("com.snowplowanalytics.snowplow", "web_page");
    static final ShreddedType LINK_CLICK = tsv("com.snowplowanalytics.snowplow", "link_click");
    static final ShreddedType UA_PARSER = tsv("com.snowplowanalytics.snowplow", "ua_parser_context");
    static final ShreddedType DUPLICATE = tsv("com.snowplowanalytics.snowplow", "duplicate");
    static final ShreddedType ITEM = tsv("com.acme", "item");
    static final ShreddedType BLOB = new ShreddedType("com.acme", "blob", 1, ShreddedFormat.JSON);

    private static final DateTimeFormatter TSTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final String CONTEXTS = "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-1";
    private static final String UNSTRUCT = "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0";

    private final Random random;
    private final Instant start = Instant.parse("2026-11-30T22:00:00Z");
    private final List<String> lines = new ArrayList<>();

    // The books.
    public long good;
    long parsingErrors;
    long igluErrors;
    long naturalDropped;
    long syntheticReidentified;
    final Map<String, Long> rowsPerFolder = new TreeMap<>();
    final Map<String, Integer> duplicateContextsByOriginalId = new HashMap<>();
    Instant minCollector;
    Instant maxCollector;
    String longUrlEventId;
    /** Items written with version 1-0-0 and 1-0-1: the folder must still carry 1-0-1's columns in every row. */
    final Map<String, Integer> itemVersions = new TreeMap<>();
    /**
     * The lines of each event id written by {@link #unique}, {@link #naturalDuplicates} and
     * {@link #syntheticDuplicates}, in generation order, so a replay can take whole ids (replaying one line of a
     * synthetic pair would be a different event: it keeps the original id and is not re-identified).
     */
    final List<EventGroup> eventGroups = new ArrayList<>();

    /**
     * The lines written for one event id and what shredding them in one run keeps: one event for a unique id or
     * natural duplicates, one per fingerprint for synthetic duplicates; {@code rowsPerFolder} as in the books.
     */
    record EventGroup(List<String> lines, int events, Map<String, Long> rowsPerFolder) {
    }

    private List<String> groupLines;
    private int groupEvents;
    private Map<String, Long> groupRows;

    public EnrichedEventGenerator(long seed) {
        this.random = new Random(seed);
    }

    private static ShreddedType tsv(String vendor, String name) {
        return new ShreddedType(vendor, name, 1, ShreddedFormat.TSV);
    }

    static String folder(ShreddedType type) {
        return ShreddedLayout.relativeTypeFolder(type);
    }

    public List<String> lines() {
        return lines;
    }

    /** Events whose event_id occurs once. */
    public EnrichedEventGenerator unique(int n) {
        for (int i = 0; i < n; i++) {
            Event e = event();
            openGroup();
            line(e.line());
            kept(e, false);
            closeGroup();
        }
        return this;
    }

    /** One event with a page_url longer than the atomic schema allows (4096). */
    EnrichedEventGenerator longUrl() {
        Event e = event();
        e.fields[EnrichedField.PAGE_URL.position()] = "https://shop.example/" + "a".repeat(5000);
        longUrlEventId = e.eventId;
        lines.add(e.line());
        kept(e, false);
        return this;
    }

    /** {@code n} events, each written {@code copies} times with the same id and fingerprint. */
    public EnrichedEventGenerator naturalDuplicates(int n, int copies) {
        for (int i = 0; i < n; i++) {
            Event e = event();
            openGroup();
            for (int c = 0; c < copies; c++) {
                // A replay re-enriches: etl_tstamp differs, id and fingerprint do not.
                e.fields[EnrichedField.ETL_TSTAMP.position()] = TSTAMP.format(start.plusSeconds(3600 + c));
                line(e.line());
            }
            kept(e, false);
            closeGroup();
            naturalDropped += copies - 1;
        }
        return this;
    }

    /** {@code n} event ids each carried by two events with different fingerprints. */
    public EnrichedEventGenerator syntheticDuplicates(int n) {
        for (int i = 0; i < n; i++) {
            Event first = event();
            Event second = event();
            second.eventId = first.eventId;
            openGroup();
            line(first.line());
            line(second.line());
            kept(first, true);
            kept(second, true);
            closeGroup();
        }
        return this;
    }

    /** {@code n} event ids each carried by two events without fingerprint: never collapsed, both re-identified. */
    EnrichedEventGenerator unfingerprintedDuplicates(int n) {
        for (int i = 0; i < n; i++) {
            Event first = event();
            Event second = event();
            second.eventId = first.eventId;
            first.fingerprint = "";
            second.fingerprint = "";
            lines.add(first.line());
            lines.add(second.line());
            kept(first, true);
            kept(second, true);
        }
        return this;
    }

    /** An id with fingerprints A, A, B: one A is dropped, A and B are kept under new ids. */
    EnrichedEventGenerator mixedDuplicates(int n) {
        for (int i = 0; i < n; i++) {
            Event a = event();
            Event b = event();
            b.eventId = a.eventId;
            lines.add(a.line());
            lines.add(a.line());
            lines.add(b.line());
            kept(a, true);
            kept(b, true);
            naturalDropped++;
        }
        return this;
    }

    /** Lines that are not enriched events, each of a different kind (cycled). */
    EnrichedEventGenerator corrupt(int n) {
        for (int i = 0; i < n; i++) {
            Event e = event();
            switch (i % 5) {
                case 0 -> lines.add("this is not an enriched event");
                case 1 -> lines.add(e.line().substring(e.line().indexOf('\t') + 1)); // 130 fields
                case 2 -> {
                    e.fields[EnrichedField.COLLECTOR_TSTAMP.position()] = "yesterday";
                    lines.add(e.line());
                }
                case 3 -> {
                    e.fields[EnrichedField.CONTEXTS.position()] = "{\"schema\":\"" + CONTEXTS + "\",\"data\":[{";
                    lines.add(e.line());
                }
                default -> {
                    e.fields[EnrichedField.DOMAIN_SESSIONIDX.position()] = "three";
                    lines.add(e.line());
                }
            }
            parsingErrors++;
        }
        return this;
    }

    /** Events carrying a context whose schema no repository has. */
    EnrichedEventGenerator unresolvable(int n) {
        for (int i = 0; i < n; i++) {
            Event e = event();
            e.contexts.add("{\"schema\":\"iglu:com.acme/unknown/jsonschema/1-0-0\",\"data\":{\"x\":1}}");
            lines.add(e.line());
            igluErrors++;
        }
        return this;
    }

    public EnrichedEventGenerator shuffle() {
        Collections.shuffle(lines, random);
        return this;
    }

    /**
     * Writes the lines as the s3-loader lays them out after staging: gzip objects in {@code yyyy/MM/dd/HH}
     * folders, plus one uncompressed file, as S3DistCp with {@code --outputCodec none} would leave it.
     */
    void writeRunFolder(Path runFolder, int files) {
        int perFile = (lines.size() + files - 1) / files;
        for (int f = 0; f < files; f++) {
            List<String> chunk = lines.subList(Math.min(lines.size(), f * perFile),
                    Math.min(lines.size(), (f + 1) * perFile));
            boolean plain = f == files - 1;
            Path file = runFolder.resolve("2026/11/30/2" + (f % 2) + "/enriched-" + f + "-" + (f * perFile) + "-"
                    + ((f + 1) * perFile - 1) + (plain ? "" : ".gz"));
            try {
                Files.createDirectories(file.getParent());
                try (OutputStream out = plain ? Files.newOutputStream(file)
                        : new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(gzipBody(chunk));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Writes all lines to one gzip file (the benchmark writes run folders file by file). */
    public void writeGzip(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                for (String line : lines) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzipBody(List<String> chunk) {
        StringBuilder text = new StringBuilder();
        chunk.forEach(l -> text.append(l).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void openGroup() {
        groupLines = new ArrayList<>();
        groupEvents = 0;
        groupRows = new TreeMap<>();
    }

    private void line(String line) {
        lines.add(line);
        groupLines.add(line);
    }

    private void closeGroup() {
        eventGroups.add(new EventGroup(List.copyOf(groupLines), groupEvents, Map.copyOf(groupRows)));
        groupLines = null;
        groupRows = null;
    }

    private void kept(Event e, boolean reidentified) {
        good++;
        if (groupLines != null) {
            groupEvents++;
        }
        count(ShreddedLayout.ATOMIC_EVENTS);
        e.types.forEach(t -> count(folder(t)));
        if (reidentified) {
            syntheticReidentified++;
            count(folder(DUPLICATE));
            duplicateContextsByOriginalId.merge(e.eventId, 1, Integer::sum);
        }
        minCollector = minCollector == null || e.collector.isBefore(minCollector) ? e.collector : minCollector;
        maxCollector = maxCollector == null || e.collector.isAfter(maxCollector) ? e.collector : maxCollector;
    }

    private void count(String folder) {
        rowsPerFolder.merge(folder, 1L, Long::sum);
        if (groupRows != null) {
            groupRows.merge(folder, 1L, Long::sum);
        }
    }

    private static final String[] WORDS = {"basket", "shoes", "summer", "sale", "red", "running", "kids", "gift",
        "winter", "jacket", "socks", "new", "home", "garden", "lamp", "desk", "chair", "coffee", "tea", "book"};
    private static final String[] BROWSERS = {"Firefox/120.0", "Chrome/119.0.6045.199 Safari/537.36",
        "Version/17.1 Mobile/15E148 Safari/604.1", "Edg/119.0.2151.97"};

    private String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : "-").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    /** Fields that differ from one page view to the next, so the data compresses like real traffic does. */
    private void vary(Event e) {
        String path = "/" + words(2) + "/" + random.nextInt(100_000);
        String query = "utm_source=" + WORDS[random.nextInt(WORDS.length)] + "&q=" + words(2) + "&id="
                + Long.toHexString(random.nextLong());
        String[] f = e.fields;
        f[EnrichedField.PAGE_URL.position()] = "https://shop.example" + path + "?" + query;
        f[EnrichedField.PAGE_URLHOST.position()] = "shop.example";
        f[EnrichedField.PAGE_URLPATH.position()] = path;
        f[EnrichedField.PAGE_URLQUERY.position()] = query;
        f[EnrichedField.PAGE_TITLE.position()] = words(4) + " | Shop";
        f[EnrichedField.PAGE_REFERRER.position()] = "https://www.search.example/search?q=" + words(3);
        f[EnrichedField.USER_IPADDRESS.position()] = "203.0." + random.nextInt(256) + "." + random.nextInt(256);
        f[EnrichedField.DOMAIN_USERID.position()] = UUID.randomUUID().toString();
        f[EnrichedField.NETWORK_USERID.position()] = UUID.randomUUID().toString();
        f[EnrichedField.DOMAIN_SESSIONID.position()] = UUID.randomUUID().toString();
        f[EnrichedField.USERAGENT.position()] = "Mozilla/5.0 (X11; Linux x86_64; rv:" + random.nextInt(130) + ".0) "
                + BROWSERS[random.nextInt(BROWSERS.length)];
        f[EnrichedField.BR_VIEWWIDTH.position()] = Integer.toString(800 + random.nextInt(1200));
        f[EnrichedField.BR_VIEWHEIGHT.position()] = Integer.toString(600 + random.nextInt(800));
        f[EnrichedField.GEO_LONGITUDE.position()] = Double.toString(-0.1 + random.nextInt(1000) / 1000.0);
    }

    private Event event() {
        Event e = new Event();
        vary(e);
        e.eventId = UUID.randomUUID().toString();
        e.fingerprint = Long.toHexString(random.nextLong());
        e.collector = start.plusMillis(random.nextInt(3_600_000));
        if (random.nextInt(10) < 7) {
            e.contexts.add("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0\","
                    + "\"data\":{\"id\":\"" + UUID.randomUUID() + "\"}}");
            e.types.add(WEB_PAGE);
        }
        int items = random.nextInt(3);
        for (int i = 0; i < items; i++) {
            boolean newer = random.nextBoolean();
            itemVersions.merge(newer ? "1-0-1" : "1-0-0", 1, Integer::sum);
            e.contexts.add("{\"schema\":\"iglu:com.acme/item/jsonschema/" + (newer ? "1-0-1" : "1-0-0")
                    + "\",\"data\":{\"sku\":\"SKU-" + random.nextInt(1000) + "\",\"quantity\":" + (1 + i)
                    + ",\"price\":" + (i == 0 ? "null" : "9.99") + ",\"inStock\":true,\"dimensions\":{\"widthCm\":12.5}"
                    + (newer ? ",\"colour\":\"red\"" : "") + "}}");
            e.types.add(ITEM);
        }
        if (random.nextInt(10) < 2) {
            e.contexts.add("{\"schema\":\"iglu:com.acme/blob/jsonschema/1-0-0\",\"data\":{\"free\":{\"form\":[1,2]}}}");
            e.types.add(BLOB);
        }
        if (random.nextInt(10) < 3) {
            e.unstruct = "{\"schema\":\"iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1\","
                    + "\"data\":{\"targetUrl\":\"https://shop.example/p/" + random.nextInt(100)
                    + "\",\"elementClasses\":[\"btn\",\"buy\"]}}";
            e.types.add(LINK_CLICK);
        }
        if (random.nextInt(10) < 5) {
            e.derived.add("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/ua_parser_context/jsonschema/1-0-0\","
                    + "\"data\":{\"useragentFamily\":\"Firefox\",\"useragentMajor\":\"120\",\"useragentMinor\":null,"
                    + "\"useragentPatch\":null,\"useragentVersion\":\"Firefox 120\",\"osFamily\":\"Linux\","
                    + "\"osMajor\":null,\"osMinor\":null,\"osPatch\":null,\"osPatchMinor\":null,\"osVersion\":\"Linux\","
                    + "\"deviceFamily\":\"Other\"}}");
            e.types.add(UA_PARSER);
        }
        return e;
    }

    /** One event under construction. */
    final class Event {
        String eventId;
        String fingerprint;
        Instant collector;
        String unstruct;
        final List<String> contexts = new ArrayList<>();
        final List<String> derived = new ArrayList<>();
        final List<ShreddedType> types = new ArrayList<>();
        final String[] fields = new String[EnrichedField.COUNT];

        Event() {
            java.util.Arrays.fill(fields, "");
            fields[EnrichedField.APP_ID.position()] = "shop";
            fields[EnrichedField.PLATFORM.position()] = "web";
            fields[EnrichedField.ETL_TSTAMP.position()] = TSTAMP.format(start.plusSeconds(3600));
            fields[EnrichedField.DVCE_CREATED_TSTAMP.position()] = "2026-11-30T21:59:59.5Z";
            fields[EnrichedField.V_COLLECTOR.position()] = "tributary-collector-0.1.0";
            fields[EnrichedField.V_ETL.position()] = "tributary-stream-enrich-0.1.0";
            fields[EnrichedField.USER_IPADDRESS.position()] = "203.0.113.7";
            fields[EnrichedField.DOMAIN_SESSIONIDX.position()] = "3";
            fields[EnrichedField.GEO_LATITUDE.position()] = "51.5072";
            fields[EnrichedField.PAGE_URL.position()] = "https://shop.example/basket";
            fields[EnrichedField.BR_FEATURES_PDF.position()] = "1";
            fields[EnrichedField.BR_COOKIES.position()] = "0";
            fields[EnrichedField.SE_VALUE.position()] = "2.5";
        }

        String line() {
            String[] f = fields.clone();
            f[EnrichedField.EVENT_ID.position()] = eventId;
            f[EnrichedField.EVENT_FINGERPRINT.position()] = fingerprint;
            if (f[EnrichedField.COLLECTOR_TSTAMP.position()].isEmpty()) {
                f[EnrichedField.COLLECTOR_TSTAMP.position()] = TSTAMP.format(collector);
            }
            f[EnrichedField.DERIVED_TSTAMP.position()] = TSTAMP.format(collector);
            f[EnrichedField.EVENT.position()] = unstruct != null ? "unstruct" : "page_view";
            if (unstruct != null) {
                f[EnrichedField.UNSTRUCT_EVENT.position()] = "{\"schema\":\"" + UNSTRUCT + "\",\"data\":" + unstruct + "}";
            }
            if (!contexts.isEmpty() && f[EnrichedField.CONTEXTS.position()].isEmpty()) {
                f[EnrichedField.CONTEXTS.position()] = "{\"schema\":\"" + CONTEXTS + "\",\"data\":["
                        + String.join(",", contexts) + "]}";
            }
            if (!derived.isEmpty()) {
                f[EnrichedField.DERIVED_CONTEXTS.position()] = "{\"schema\":\"" + CONTEXTS + "\",\"data\":["
                        + String.join(",", derived) + "]}";
            }
            return String.join("\t", f);
        }
    }
}
