package dev.tributary.shredder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import dev.tributary.schemas.shredding.AtomicColumns;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedJsonLine;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddingComplete;
import dev.tributary.schemas.enriched.EnrichedField;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance (a): Spark local[2] on generated enriched events with natural and synthetic duplicates, contexts,
 * unstruct events and corrupt lines. Every expectation comes from the generator's books.
 */
class ShredJobTest {

    private static final String RUN_ID = "2026-11-30-23-00-00";

    @TempDir
    static Path dir;

    static SparkSession spark;
    static EnrichedEventGenerator generated;
    static ShredderConfig config;
    static ShredJob.Result result;
    static Map<String, List<String>> output;
    static List<String> badRows;

    @BeforeAll
    static void shred() throws Exception {
        spark = SparkTestSession.start("ShredJobTest");
        generated = new EnrichedEventGenerator(42).unique(300).longUrl().naturalDuplicates(20, 3)
                .syntheticDuplicates(10).unfingerprintedDuplicates(5).mixedDuplicates(5).corrupt(10)
                .unresolvable(4).shuffle();
        Path input = dir.resolve("enriched/good/run=" + RUN_ID);
        generated.writeRunFolder(input, 5);
        config = new ShredderConfig(input.toUri().toString(), dir.resolve("shredded/good").toUri().toString(),
                dir.resolve("shredded/bad").toUri().toString(), RUN_ID, SparkTestSession.testResolver(),
                Encryption.none(), ShredderConfig.OutputMode.SHRED, new Processor("tributary-shredder", "0.1.0"));
        result = new ShredJob(spark, config, Clock.systemUTC()).run();
        output = RunFolderReader.linesByFolder(dir.resolve("shredded/good/run=" + RUN_ID));
        badRows = RunFolderReader.linesByFolder(dir.resolve("shredded/bad/run=" + RUN_ID)).getOrDefault("",
                List.of());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyFolderHoldsExactlyTheRowsTheGeneratorExpects() {
        Map<String, Long> counts = new TreeMap<>();
        output.forEach((folder, lines) -> counts.put(folder, (long) lines.size()));

        assertThat(generated.rowsPerFolder).containsKeys(ShreddedLayout.ATOMIC_EVENTS,
                EnrichedEventGenerator.folder(EnrichedEventGenerator.WEB_PAGE),
                EnrichedEventGenerator.folder(EnrichedEventGenerator.LINK_CLICK),
                EnrichedEventGenerator.folder(EnrichedEventGenerator.UA_PARSER),
                EnrichedEventGenerator.folder(EnrichedEventGenerator.ITEM),
                EnrichedEventGenerator.folder(EnrichedEventGenerator.BLOB),
                EnrichedEventGenerator.folder(EnrichedEventGenerator.DUPLICATE));
        assertThat(counts).isEqualTo(generated.rowsPerFolder);
        assertThat(result.stats().get(ShredStats.NATURAL_DUPLICATES)).isEqualTo(generated.naturalDropped);
        assertThat(result.stats().get(ShredStats.SYNTHETIC_DUPLICATES)).isEqualTo(generated.syntheticReidentified);
    }

    @Test
    void atomicEventsAre128ColumnsWithDistinctIdsTruncatedAndReformatted() {
        List<String[]> rows = output.get(ShreddedLayout.ATOMIC_EVENTS).stream().map(l -> l.split("\t", -1)).toList();
        int id = AtomicColumns.indexOf(EnrichedField.EVENT_ID);

        assertThat(rows).hasSize((int) generated.good).allSatisfy(r -> assertThat(r).hasSize(128));
        assertThat(rows.stream().map(r -> r[id]).collect(Collectors.toSet())).hasSize(rows.size());
        String[] longUrl = rows.stream().filter(r -> r[id].equals(generated.longUrlEventId)).findFirst().orElseThrow();
        assertThat(longUrl[AtomicColumns.indexOf(EnrichedField.PAGE_URL)]).hasSize(4096);
        assertThat(longUrl[AtomicColumns.indexOf(EnrichedField.DVCE_CREATED_TSTAMP)])
                .isEqualTo("2026-11-30 21:59:59.500");
        assertThat(longUrl[AtomicColumns.indexOf(EnrichedField.BR_FEATURES_PDF)]).isEqualTo("1");
        assertThat(longUrl[AtomicColumns.indexOf(EnrichedField.SE_VALUE)]).isEqualTo("2.5");
        // Synthetic duplicates carry new ids: no original id survives in atomic.events.
        Set<String> ids = rows.stream().map(r -> r[id]).collect(Collectors.toSet());
        assertThat(ids).doesNotContainAnyElementsOf(generated.duplicateContextsByOriginalId.keySet());
    }

    @Test
    void everySyntheticDuplicateCarriesTheDuplicateContextWithItsOriginalId() {
        List<String[]> rows = output.get(EnrichedEventGenerator.folder(EnrichedEventGenerator.DUPLICATE)).stream()
                .map(l -> l.split("\t", -1)).toList();
        Set<String> atomicIds = atomicIds();

        Map<String, Integer> byOriginal = new HashMap<>();
        for (String[] row : rows) {
            assertThat(row).hasSize(ShreddedLayout.TSV_META_COLUMNS.size() + 1);
            assertThat(List.of(row).subList(0, 4)).containsExactly("com.snowplowanalytics.snowplow", "duplicate",
                    "jsonschema", "1-0-0");
            assertThat(atomicIds).contains(row[4]);
            assertThat(row[9]).isNotEqualTo(row[4]);
            byOriginal.merge(row[9], 1, Integer::sum);
        }
        assertThat(byOriginal).isEqualTo(generated.duplicateContextsByOriginalId);
    }

    @Test
    void entityRowsJoinTheirEventAndFollowTheModelsHighestVersionColumns() {
        Map<String, String> tstampById = new HashMap<>();
        int id = AtomicColumns.indexOf(EnrichedField.EVENT_ID);
        int collector = AtomicColumns.indexOf(EnrichedField.COLLECTOR_TSTAMP);
        output.get(ShreddedLayout.ATOMIC_EVENTS).forEach(l -> {
            String[] r = l.split("\t", -1);
            tstampById.put(r[id], r[collector]);
        });
        output.forEach((folder, lines) -> {
            if (folder.endsWith("format=tsv/model=1")) {
                for (String line : lines) {
                    String[] r = line.split("\t", -1);
                    assertThat(tstampById).containsEntry(r[4], r[5]);
                    assertThat(r[6]).isEqualTo("events");
                }
            }
        });
        // item 1-0-0 and 1-0-1 rows share the folder; all have 1-0-1's six columns, colour last.
        List<String[]> items = output.get(EnrichedEventGenerator.folder(EnrichedEventGenerator.ITEM)).stream()
                .map(l -> l.split("\t", -1)).toList();
        assertThat(generated.itemVersions).containsKeys("1-0-0", "1-0-1");
        assertThat(items).allSatisfy(r -> assertThat(r).hasSize(9 + 6));
        assertThat(items.stream().filter(r -> r[3].equals("1-0-0"))).allSatisfy(r -> assertThat(r[14]).isEmpty());
        assertThat(items.stream().filter(r -> r[3].equals("1-0-1"))).allSatisfy(r -> assertThat(r[14]).isEqualTo("red"));
        // quantity, sku, dimensions.width_cm, in_stock, price
        assertThat(items).allSatisfy(r -> assertThat(r[11]).isEqualTo("12.5"));
        assertThat(items).allSatisfy(r -> assertThat(r[12]).isEqualTo("1"));
        // blob has no properties: JSON lines
        for (String line : output.get(EnrichedEventGenerator.folder(EnrichedEventGenerator.BLOB))) {
            ShreddedJsonLine json = ShreddedJsonLine.parse(line);
            assertThat(tstampById).containsEntry(json.hierarchy().rootId(), json.hierarchy().rootTstamp());
            assertThat(json.data().at("/free/form/1").asInt()).isEqualTo(2);
        }
    }

    @Test
    void oneValidBadRowPerCorruptLineAndPerUnresolvableEvent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Long> bySchema = new TreeMap<>();
        Resolver resolver = Resolver.bundled();
        for (String line : badRows) {
            bySchema.merge(json.readTree(line).get("schema").asText(), 1L, Long::sum);
            assertThat(resolver.validate(SelfDescribingJson.parse(line))).isInstanceOf(ValidationResult.Valid.class);
        }

        assertThat(bySchema).isEqualTo(Map.of(
                "iglu:com.snowplowanalytics.snowplow.badrows/loader_parsing_error/jsonschema/2-0-0",
                generated.parsingErrors,
                "iglu:com.snowplowanalytics.snowplow.badrows/loader_iglu_error/jsonschema/2-0-1",
                generated.igluErrors));
        assertThat(output).doesNotContainKey(OutputLines.BAD_ROWS_STAGING);
    }

    @Test
    void successMarkerAndShreddingCompleteDescribeTheRun() throws Exception {
        Path run = dir.resolve("shredded/good/run=" + RUN_ID);
        ShreddingComplete complete = ShreddingComplete.parse(Files.readString(run.resolve("shredding_complete.json")));

        assertThat(run.resolve("_SUCCESS")).exists();
        assertThat(complete.countGood()).isEqualTo(generated.good);
        assertThat(complete.timestamps().min()).isEqualTo(generated.minCollector);
        assertThat(complete.timestamps().max()).isEqualTo(generated.maxCollector);
        assertThat(complete.compression()).isEqualTo("GZIP");
        assertThat(complete.base()).isEqualTo(config.layout().root());
        Set<String> types = new HashSet<>();
        complete.types().forEach(t -> types.add(t.schemaKey().toUri() + " " + t.format()));
        assertThat(types).containsExactlyInAnyOrder(
                "iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0 TSV",
                "iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1 TSV",
                "iglu:com.snowplowanalytics.snowplow/ua_parser_context/jsonschema/1-0-0 TSV",
                "iglu:com.snowplowanalytics.snowplow/duplicate/jsonschema/1-0-0 TSV",
                "iglu:com.acme/item/jsonschema/1-0-1 TSV",
                "iglu:com.acme/blob/jsonschema/1-0-0 " + ShreddedFormat.JSON);
    }

    @Test
    void aCompleteRunIsNotShreddedAgain() throws Exception {
        ShredJob.Result again = new ShredJob(spark, config, Clock.systemUTC()).run();

        assertThat(again.alreadyShredded()).isTrue();
        assertThat(again.complete().countGood()).isEqualTo(generated.good);
        assertThat(RunFolderReader.linesByFolder(dir.resolve("shredded/good/run=" + RUN_ID))).isEqualTo(output);
    }

    @Test
    void anEmptyRunFolderGivesAnEmptyCompleteRun() throws Exception {
        Path input = Files.createDirectories(dir.resolve("enriched/good/run=2026-11-30-23-59-59"));
        ShredderConfig empty = new ShredderConfig(input.toUri().toString(), config.shreddedGood(),
                config.shreddedBad(), "2026-11-30-23-59-59", config.resolverConfigJson(), Encryption.none(),
                ShredderConfig.OutputMode.SHRED, config.processor());

        ShredJob.Result result = new ShredJob(spark, empty, Clock.systemUTC()).run();

        assertThat(result.complete().countGood()).isZero();
        assertThat(result.complete().types()).isEmpty();
        assertThat(result.complete().timestamps().min()).isNull();
        assertThat(dir.resolve("shredded/good/run=2026-11-30-23-59-59/shredding_complete.json")).exists();
    }

    private static Set<String> atomicIds() {
        int id = AtomicColumns.indexOf(EnrichedField.EVENT_ID);
        return output.get(ShreddedLayout.ATOMIC_EVENTS).stream().map(l -> l.split("\t", -1)[id])
                .collect(Collectors.toSet());
    }
}
