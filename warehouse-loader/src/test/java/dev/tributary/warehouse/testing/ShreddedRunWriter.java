package dev.tributary.warehouse.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.AtomicColumns;
import dev.tributary.schemas.shredding.Hierarchy;
import dev.tributary.schemas.shredding.ModelSchemas;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedJsonLine;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.schemas.shredding.ShreddingComplete;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a shredded run in the layout the shredder produces (through the shared {@link ShreddedLayout},
 * {@code FlatSchema} cells and {@link Hierarchy}), so the loader is tested against the real contract.
 */
public final class ShreddedRunWriter {

    public static final SchemaKey WEB_PAGE = SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0");
    public static final SchemaKey CHECKOUT_100 = SchemaKey.parse("iglu:dev.tributary.test/checkout/jsonschema/1-0-0");
    public static final SchemaKey CHECKOUT_101 = SchemaKey.parse("iglu:dev.tributary.test/checkout/jsonschema/1-0-1");
    public static final SchemaKey BLOB = SchemaKey.parse("iglu:dev.tributary.test/blob/jsonschema/1-0-0");

    public static final String EVENTS_TABLE = "atomic.events";
    public static final String WEB_PAGE_TABLE = "atomic.com_snowplowanalytics_snowplow_web_page_1";
    public static final String CHECKOUT_TABLE = "atomic.dev_tributary_test_checkout_1";
    public static final String BLOB_TABLE = "atomic.dev_tributary_test_blob_1";

    /** A page URL with a backslash and a user agent with double quotes: both must arrive unchanged. */
    public static final String PAGE_URL = "https://example.com/a\\b?q=1";
    public static final String USERAGENT = "Mozilla/5.0 \"quoted\" agent";

    private static final DateTimeFormatter TSTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Resolver resolver;

    public ShreddedRunWriter(Resolver resolver) {
        this.resolver = resolver;
    }

    /** What was written, with the rows each table should get from it. */
    public record WrittenRun(Path dir, String base, int events, Map<String, Long> rowsPerTable) {
    }

    public WrittenRun write(Path runDir, List<FixtureEvent> events, SchemaKey checkoutVersion) {
        return write(runDir, events, checkoutVersion, true);
    }

    /** @param entities false writes atomic-events only (the benchmark compares that file with a plain COPY) */
    public WrittenRun write(Path runDir, List<FixtureEvent> events, SchemaKey checkoutVersion, boolean entities) {
        String base = "s3://fixture/shredded/good/" + runDir.getFileName() + "/";
        try {
            Files.createDirectories(runDir);
            // Two atomic-events parts, as a Spark job with two partitions writes them.
            int half = events.size() / 2;
            writeGzipLines(runDir.resolve(ShreddedLayout.ATOMIC_EVENTS).resolve("part-00000.gz"),
                    events.subList(0, half).stream().map(ShreddedRunWriter::atomicRow).toList());
            writeGzipLines(runDir.resolve(ShreddedLayout.ATOMIC_EVENTS).resolve("part-00001.gz"),
                    events.subList(half, events.size()).stream().map(ShreddedRunWriter::atomicRow).toList());

            var webPageFlat = flat(WEB_PAGE);
            var checkoutFlat = flat(checkoutVersion);
            List<String> webPages = new ArrayList<>();
            List<String> checkouts = new ArrayList<>();
            List<String> blobs = new ArrayList<>();
            for (FixtureEvent e : entities ? events : List.<FixtureEvent>of()) {
                String tstamp = tstamp(e.collectorTstamp());
                for (int i = 0; i < e.webPages(); i++) {
                    ObjectNode data = JSON.createObjectNode().put("id", uuidFrom(e.eventId(), i));
                    webPages.add(tsvRow(WEB_PAGE, Hierarchy.ofEvent(e.eventId(), tstamp, "web_page"), webPageFlat.cells(data)));
                }
                if (e.checkout()) {
                    ObjectNode data = JSON.createObjectNode()
                            .put("orderId", uuidFrom(e.eventId(), 9))
                            .put("sku", e.sku())
                            .put("quantity", 3)
                            .put("total", 12.5)
                            .put("giftWrap", e.eventId().hashCode() % 2 == 0)
                            .put("placedAt", e.collectorTstamp().toString());
                    data.putArray("tags").add("a").add("b");
                    data.putObject("shipping").put("method", "express").put("cost", 4.99);
                    if (checkoutVersion.equals(CHECKOUT_101)) {
                        data.put("coupon", "XMAS-" + e.eventId().substring(0, 4));
                    }
                    checkouts.add(tsvRow(checkoutVersion, Hierarchy.ofEvent(e.eventId(), tstamp, "checkout"),
                            checkoutFlat.cells(data)));
                }
                if (e.blob()) {
                    ObjectNode data = JSON.createObjectNode().put("text", "tab\tand \\ backslash");
                    data.putObject("nested").putArray("values").add(1).add(2);
                    blobs.add(new ShreddedJsonLine(BLOB, data, Hierarchy.ofEvent(e.eventId(), tstamp, "blob")).toLine());
                }
            }
            List<ShreddingComplete.TypeEntry> types = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(EVENTS_TABLE, (long) events.size());
            writeType(runDir, WEB_PAGE, ShreddedFormat.TSV, webPages, types, rows, WEB_PAGE_TABLE);
            writeType(runDir, checkoutVersion, ShreddedFormat.TSV, checkouts, types, rows, CHECKOUT_TABLE);
            writeType(runDir, BLOB, ShreddedFormat.JSON, blobs, types, rows, BLOB_TABLE);

            Files.writeString(runDir.resolve(ShreddedLayout.SUCCESS), "");
            Instant min = events.stream().map(FixtureEvent::collectorTstamp).min(Comparator.naturalOrder()).orElse(null);
            Instant max = events.stream().map(FixtureEvent::collectorTstamp).max(Comparator.naturalOrder()).orElse(null);
            ShreddingComplete complete = new ShreddingComplete(base, types,
                    new ShreddingComplete.Timestamps(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:05:00Z"), min, max),
                    "GZIP", new Processor("tributary-shredder-fixture", "0.0.0"), events.size());
            Files.writeString(runDir.resolve(ShreddedLayout.SHREDDING_COMPLETE), complete.toJsonText());
            return new WrittenRun(runDir, base, events.size(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeType(Path runDir, SchemaKey key, ShreddedFormat format, List<String> lines,
                           List<ShreddingComplete.TypeEntry> types, Map<String, Long> rows, String table) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        ShreddedType type = ShreddedType.of(key, format);
        writeGzipLines(runDir.resolve(ShreddedLayout.relativeTypeFolder(type)).resolve("part-00000.gz"), lines);
        types.add(new ShreddingComplete.TypeEntry(key, format));
        rows.put(table, (long) lines.size());
    }

    private dev.tributary.schemas.shredding.FlatSchema flat(SchemaKey key) {
        return ((ModelSchemas.Found) ModelSchemas.lookup(resolver, key)).flat();
    }

    private static String tsvRow(SchemaKey key, Hierarchy hierarchy, List<String> cells) {
        List<String> all = new ArrayList<>(hierarchy.metaCells(key));
        all.addAll(cells);
        return String.join("\t", all);
    }

    public static String atomicRow(FixtureEvent e) {
        String[] f = new String[AtomicColumns.COUNT];
        Arrays.fill(f, "");
        set(f, EnrichedField.APP_ID, "fixture");
        set(f, EnrichedField.PLATFORM, "web");
        set(f, EnrichedField.ETL_TSTAMP, tstamp(e.collectorTstamp().plusSeconds(60)));
        set(f, EnrichedField.COLLECTOR_TSTAMP, tstamp(e.collectorTstamp()));
        set(f, EnrichedField.DVCE_CREATED_TSTAMP, tstamp(e.collectorTstamp().minusMillis(300)));
        set(f, EnrichedField.EVENT, e.checkout() ? "unstruct" : "page_view");
        set(f, EnrichedField.EVENT_ID, e.eventId());
        set(f, EnrichedField.V_TRACKER, "js-3.0.0");
        set(f, EnrichedField.V_COLLECTOR, "ssc-tributary");
        set(f, EnrichedField.V_ETL, "tributary-enrich");
        set(f, EnrichedField.USER_IPADDRESS, "192.0.2.1");
        set(f, EnrichedField.DOMAIN_USERID, "duid-" + e.eventId().substring(0, 8));
        set(f, EnrichedField.DOMAIN_SESSIONIDX, "3");
        set(f, EnrichedField.GEO_COUNTRY, e.geoCountry());
        set(f, EnrichedField.GEO_LATITUDE, "52.52");
        set(f, EnrichedField.PAGE_URL, PAGE_URL);
        set(f, EnrichedField.TR_TOTAL, "12.50");
        set(f, EnrichedField.USERAGENT, USERAGENT);
        set(f, EnrichedField.BR_FEATURES_PDF, "1");
        set(f, EnrichedField.BR_COOKIES, "0");
        set(f, EnrichedField.EVENT_VENDOR, e.checkout() ? "dev.tributary.test" : "com.snowplowanalytics.snowplow");
        set(f, EnrichedField.EVENT_NAME, e.checkout() ? "checkout" : "page_view");
        set(f, EnrichedField.EVENT_FORMAT, "jsonschema");
        set(f, EnrichedField.EVENT_VERSION, "1-0-0");
        set(f, EnrichedField.EVENT_FINGERPRINT, e.fingerprint());
        set(f, EnrichedField.DERIVED_TSTAMP, tstamp(e.collectorTstamp()));
        return String.join("\t", f);
    }

    private static void set(String[] fields, EnrichedField field, String value) {
        fields[AtomicColumns.indexOf(field)] = value;
    }

    public static String tstamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(TSTAMP);
    }

    private static String uuidFrom(String eventId, int n) {
        return eventId.substring(0, 35) + n;
    }

    private static void writeGzipLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }
}
