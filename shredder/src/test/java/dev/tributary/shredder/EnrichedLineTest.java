package dev.tributary.shredder;

import dev.tributary.schemas.badrows.LoaderParsingFailure;
import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.AtomicColumns;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichedLineTest {

    private static final Processor PROCESSOR = new Processor("tributary-shredder", "0.1.0");

    static String[] valid() {
        String[] f = new String[EnrichedField.COUNT];
        Arrays.fill(f, "");
        f[EnrichedField.EVENT_ID.position()] = "4b1e5b2a-8e0c-4f5e-9c1d-2f0a3b4c5d6e";
        f[EnrichedField.COLLECTOR_TSTAMP.position()] = "2026-12-01 09:15:00.123";
        f[EnrichedField.V_COLLECTOR.position()] = "tributary-collector-0.1.0";
        f[EnrichedField.V_ETL.position()] = "tributary-stream-enrich-0.1.0";
        return f;
    }

    @Test
    void aLineOf131WellTypedFieldsIsAnEvent() {
        String[] f = valid();
        f[EnrichedField.TXN_ID.position()] = "42";
        f[EnrichedField.GEO_LATITUDE.position()] = "51.5";
        f[EnrichedField.BR_COOKIES.position()] = "true";
        f[EnrichedField.DVCE_CREATED_TSTAMP.position()] = "2026-12-01T09:14:59Z";
        f[EnrichedField.EVENT_FINGERPRINT.position()] = "abc";

        EnrichedLine.Parsed parsed = EnrichedLine.parse(String.join("\t", f), PROCESSOR);

        assertThat(parsed).isInstanceOf(EnrichedLine.Good.class);
        EnrichedLine event = ((EnrichedLine.Good) parsed).event();
        assertThat(event.eventId()).isEqualTo("4b1e5b2a-8e0c-4f5e-9c1d-2f0a3b4c5d6e");
        assertThat(event.fingerprint()).isEqualTo("abc");
        assertThat(event.collectorTstamp().toString()).isEqualTo("2026-12-01T09:15:00.123Z");
    }

    @Test
    void aWrongFieldCountOrNoTabsIsALoaderParsingError() {
        EnrichedLine.Parsed notTsv = EnrichedLine.parse("hello", PROCESSOR);
        EnrichedLine.Parsed short130 = EnrichedLine.parse(String.join("\t", Arrays.copyOf(valid(), 130)), PROCESSOR);

        assertThat(((EnrichedLine.Bad) notTsv).badRow().failure()).isInstanceOf(LoaderParsingFailure.NotTsv.class);
        assertThat(((EnrichedLine.Bad) short130).badRow().failure())
                .isEqualTo(new LoaderParsingFailure.FieldNumberMismatch(130));
        assertThat(((EnrichedLine.Bad) short130).badRow().payload()).isEqualTo(String.join("\t",
                Arrays.copyOf(valid(), 130)));
    }

    @Test
    void everyBadFieldIsNamed() {
        String[] f = valid();
        f[EnrichedField.EVENT_ID.position()] = "not-a-uuid";
        f[EnrichedField.DOMAIN_SESSIONIDX.position()] = "three";
        f[EnrichedField.GEO_LATITUDE.position()] = "NaN";
        f[EnrichedField.BR_COOKIES.position()] = "yes";
        f[EnrichedField.ETL_TSTAMP.position()] = "yesterday";

        EnrichedLine.Bad bad = (EnrichedLine.Bad) EnrichedLine.parse(String.join("\t", f), PROCESSOR);

        var failure = (LoaderParsingFailure.RowDecodingError) bad.badRow().failure();
        assertThat(failure.errors()).extracting(e -> ((LoaderParsingFailure.InvalidValue) e).key())
                .containsExactly("etl_tstamp", "event_id", "domain_sessionidx", "geo_latitude", "br_cookies");
    }

    @Test
    void numbersAreCheckedQuicklyButStillStrictly() {
        assertThat(EnrichedLine.isPlainDecimal("51.5072")).isTrue();
        assertThat(EnrichedLine.isPlainDecimal("-0.1")).isTrue();
        assertThat(EnrichedLine.isPlainDecimal("12")).isTrue();
        assertThat(EnrichedLine.isPlainDecimal("1.")).isFalse();
        assertThat(EnrichedLine.isPlainDecimal(".5")).isFalse();
        assertThat(EnrichedLine.isPlainDecimal("1e5")).isFalse();
        assertThat(EnrichedLine.isPlainDecimal("-")).isFalse();
        String[] f = valid();
        f[EnrichedField.SE_VALUE.position()] = "1.5E3";
        assertThat(EnrichedLine.parse(String.join("\t", f), PROCESSOR)).isInstanceOf(EnrichedLine.Good.class);
        f[EnrichedField.SE_VALUE.position()] = "Infinity";
        assertThat(EnrichedLine.parse(String.join("\t", f), PROCESSOR)).isInstanceOf(EnrichedLine.Bad.class);
        f[EnrichedField.SE_VALUE.position()] = "1.2.3";
        assertThat(EnrichedLine.parse(String.join("\t", f), PROCESSOR)).isInstanceOf(EnrichedLine.Bad.class);
    }

    @Test
    void eventIdCollectorTstampAndVersionsAreRequired() {
        String[] f = valid();
        f[EnrichedField.COLLECTOR_TSTAMP.position()] = "";
        f[EnrichedField.V_ETL.position()] = "";

        EnrichedLine.Bad bad = (EnrichedLine.Bad) EnrichedLine.parse(String.join("\t", f), PROCESSOR);

        assertThat(((LoaderParsingFailure.RowDecodingError) bad.badRow().failure()).errors())
                .extracting(e -> ((LoaderParsingFailure.InvalidValue) e).key())
                .containsExactly("collector_tstamp", "v_etl");
    }

    @Test
    void atomicRowsCutStringsAndNormaliseFlagsAndTimestamps() {
        String[] f = valid();
        f[EnrichedField.GEO_COUNTRY.position()] = "GBR";
        f[EnrichedField.BR_COOKIES.position()] = "true";
        f[EnrichedField.DVCE_CREATED_TSTAMP.position()] = "2026-12-01T09:14:59Z";
        f[EnrichedField.CONTEXTS.position()] = "{\"schema\":\"x\",\"data\":[]}";
        EnrichedLine event = ((EnrichedLine.Good) EnrichedLine.parse(String.join("\t", f), PROCESSOR)).event();

        String[] row = AtomicRow.of(event, "11111111-2222-4333-8444-555555555555").split("\t", -1);

        assertThat(row).hasSize(AtomicColumns.COUNT);
        assertThat(row[AtomicColumns.indexOf(EnrichedField.GEO_COUNTRY)]).isEqualTo("GB");
        assertThat(row[AtomicColumns.indexOf(EnrichedField.BR_COOKIES)]).isEqualTo("1");
        assertThat(row[AtomicColumns.indexOf(EnrichedField.DVCE_CREATED_TSTAMP)]).isEqualTo("2026-12-01 09:14:59.000");
        assertThat(row[AtomicColumns.indexOf(EnrichedField.EVENT_ID)]).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(String.join("\t", row)).doesNotContain("schema");
        assertThat(AtomicRow.truncate("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    }
}
