package dev.tributary.schemas.shredding;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.schemas.iglu.SchemaKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShreddedLayoutTest {

    private static final ShreddedType LINK_CLICK_TSV =
            new ShreddedType("com.snowplowanalytics.snowplow", "link_click", 1, ShreddedFormat.TSV);

    @Test
    void pathsInsideARunFolder() {
        ShreddedLayout layout = ShreddedLayout.forRun("s3a://bucket/shredded/good/", "2026-12-01-09-15-00");

        assertThat(layout.root()).isEqualTo("s3a://bucket/shredded/good/run=2026-12-01-09-15-00");
        assertThat(layout.atomicEvents()).isEqualTo(layout.root() + "/atomic-events");
        assertThat(layout.typeFolder(LINK_CLICK_TSV)).isEqualTo(layout.root()
                + "/shredded-types/vendor=com.snowplowanalytics.snowplow/name=link_click/format=tsv/model=1");
        assertThat(layout.success()).isEqualTo(layout.root() + "/_SUCCESS");
        assertThat(layout.shreddingComplete()).isEqualTo(layout.root() + "/shredding_complete.json");
        assertThat(ShreddedLayout.badRunFolder("file:/tmp/bad", "2026-12-01-09-15-00"))
                .isEqualTo("file:/tmp/bad/run=2026-12-01-09-15-00");
    }

    @Test
    void aPartFilePathTellsItsType() {
        String part = ShreddedLayout.at("/data/run=2026-12-01-09-15-00/").typeFolder(LINK_CLICK_TSV)
                + "/part-00000-abc.txt.gz";

        assertThat(ShreddedLayout.typeOf(part)).contains(LINK_CLICK_TSV);
        assertThat(ShreddedLayout.typeOf("shredded-types/vendor=com.acme/name=x/format=json/model=2"))
                .contains(new ShreddedType("com.acme", "x", 2, ShreddedFormat.JSON));
        assertThat(ShreddedLayout.typeOf("/data/run=x/atomic-events/part-0.gz")).isEmpty();
        assertThat(ShreddedLayout.isPartFile("a/part-00000.gz")).isTrue();
        assertThat(ShreddedLayout.isPartFile("a/.part-00000.gz.crc")).isFalse();
        assertThat(ShreddedLayout.isPartFile("a/_SUCCESS")).isFalse();
    }

    @Test
    void runIdsHaveEmrEtlRunnersShape() {
        assertThatThrownBy(() -> ShreddedLayout.forRun("/x", "2026-12-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-12-01");
    }

    @Test
    void hierarchyAsTsvMetaCellsAndAsJson() throws Exception {
        Hierarchy h = Hierarchy.ofEvent("9f8e7d6c-0000-4000-8000-000000000001", "2026-12-01 09:15:00.123",
                "link_click");
        SchemaKey key = SchemaKey.parse("iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1");

        assertThat(h.metaCells(key)).hasSize(ShreddedLayout.TSV_META_COLUMNS.size()).containsExactly(
                "com.snowplowanalytics.snowplow", "link_click", "jsonschema", "1-0-1",
                "9f8e7d6c-0000-4000-8000-000000000001", "2026-12-01 09:15:00.123", "events",
                "[\"events\",\"link_click\"]", "events");

        ShreddedJsonLine line = new ShreddedJsonLine(key, new ObjectMapper().readTree("{\"targetUrl\":\"x\"}"), h);
        assertThat(line.toLine()).isEqualTo("{\"schema\":\"iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/"
                + "1-0-1\",\"data\":{\"targetUrl\":\"x\"},\"hierarchy\":{\"rootId\":\"9f8e7d6c-0000-4000-8000-"
                + "000000000001\",\"rootTstamp\":\"2026-12-01 09:15:00.123\",\"refRoot\":\"events\",\"refTree\":"
                + "[\"events\",\"link_click\"],\"refParent\":\"events\"}}");
        assertThat(ShreddedJsonLine.parse(line.toLine())).isEqualTo(line);
    }

    @Test
    void atomicColumnsAreTheEnrichedFieldsWithoutTheThreeJsonOnes() {
        assertThat(AtomicColumns.all()).hasSize(128);
        assertThat(AtomicColumns.names()).doesNotContain("contexts", "unstruct_event", "derived_contexts")
                .startsWith("app_id", "platform", "etl_tstamp").endsWith("event_fingerprint", "true_tstamp");
        List<String> names = AtomicColumns.names();
        assertThat(names.get(names.indexOf("mkt_campaign") + 1)).isEqualTo("se_category");
        assertThat(names.get(names.indexOf("refr_dvce_tstamp") + 1)).isEqualTo("domain_sessionid");
    }
}
