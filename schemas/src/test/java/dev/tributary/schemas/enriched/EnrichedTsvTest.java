package dev.tributary.schemas.enriched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.schemas.avro.EnrichedEvent;
import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnrichedTsvTest {

    @Test
    void anEventWithAll131FieldsSetRoundTripsUnchanged() throws Exception {
        EnrichedEvent event = randomEvent(new Random(131), 0.0);
        for (EnrichedField field : EnrichedField.all()) {
            assertThat(event.get(field.position())).as(field.fieldName()).isNotNull();
        }

        String line = EnrichedTsv.format(event);

        assertThat(line.split("\t", -1)).hasSize(131).doesNotContain("");
        assertThat(EnrichedTsv.parse(line)).isEqualTo(event);
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 25).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eventsWithMissingFieldsRoundTripAndAlwaysHave131Fields(long seed) throws Exception {
        EnrichedEvent event = randomEvent(new Random(seed), 0.4);

        String line = EnrichedTsv.format(event);

        assertThat(line.split("\t", -1)).hasSize(EnrichedField.COUNT);
        assertThat(line).doesNotContain("\n", "\r");
        EnrichedEvent parsed = EnrichedTsv.parse(line);
        assertThat(parsed).isEqualTo(event);
        assertThat(EnrichedTsv.format(parsed)).isEqualTo(line);
    }

    @Test
    void tabsAndControlCharactersAreEscapedAsSnowplowDoes() throws Exception {
        EnrichedEvent event = new EnrichedEvent();
        event.setPageTitle("Shoes\tand\nsocks\r\u0007!");
        event.setSeLabel("\n\t\n");
        event.setAppId("");

        String[] fields = EnrichedTsv.format(event).split("\t", -1);

        assertThat(fields).hasSize(131);
        assertThat(fields[EnrichedField.PAGE_TITLE.position()]).isEqualTo("Shoes    andsocks!");
        // A tab alone becomes four spaces, which is text, not an empty value.
        assertThat(fields[EnrichedField.SE_LABEL.position()]).isEqualTo("    ");
        assertThat(fields[EnrichedField.APP_ID.position()]).isEmpty();
        assertThat(EnrichedTsv.parse(String.join("\t", fields)).getAppId()).isNull();
    }

    @Test
    void valuesAreWrittenInSnowplowNotation() {
        EnrichedEvent event = new EnrichedEvent();
        event.setCollectorTstamp(Instant.parse("2026-11-21T09:05:03.007Z"));
        event.setDvceIsmobile(true);
        event.setBrCookies(false);
        event.setSeValue(1.0E10);
        event.setGeoLatitude(-33.8688);
        event.setDomainSessionidx(3);

        String[] fields = EnrichedTsv.format(event).split("\t", -1);

        assertThat(fields[EnrichedField.COLLECTOR_TSTAMP.position()]).isEqualTo("2026-11-21 09:05:03.007");
        assertThat(fields[EnrichedField.DVCE_ISMOBILE.position()]).isEqualTo("1");
        assertThat(fields[EnrichedField.BR_COOKIES.position()]).isEqualTo("0");
        assertThat(fields[EnrichedField.SE_VALUE.position()]).isEqualTo("10000000000");
        assertThat(fields[EnrichedField.GEO_LATITUDE.position()]).isEqualTo("-33.8688");
        assertThat(fields[EnrichedField.DOMAIN_SESSIONIDX.position()]).isEqualTo("3");
    }

    @Test
    void timestampsWithoutMillisecondsOrWithIsoSeparatorAreRead() throws Exception {
        String[] fields = new String[131];
        java.util.Arrays.fill(fields, "");
        fields[EnrichedField.COLLECTOR_TSTAMP.position()] = "2026-11-21 09:05:03";
        fields[EnrichedField.ETL_TSTAMP.position()] = "2026-11-21T09:05:03.123Z";

        EnrichedEvent event = EnrichedTsv.parse(String.join("\t", fields));

        assertThat(event.getCollectorTstamp()).isEqualTo(Instant.parse("2026-11-21T09:05:03Z"));
        assertThat(event.getEtlTstamp()).isEqualTo(Instant.parse("2026-11-21T09:05:03.123Z"));
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsRejected() {
        String line = String.join("\t", IntStream.range(0, 130).mapToObj(i -> "").toList());

        assertThatThrownBy(() -> EnrichedTsv.parse(line))
                .isInstanceOf(EnrichedTsvException.class)
                .hasMessageContaining("expected 131 tab-separated fields, got 130");
    }

    @Test
    void everyBadFieldIsReportedByName() {
        String[] fields = new String[131];
        java.util.Arrays.fill(fields, "");
        fields[EnrichedField.TXN_ID.position()] = "12x";
        fields[EnrichedField.DERIVED_TSTAMP.position()] = "yesterday";
        fields[EnrichedField.BR_FEATURES_PDF.position()] = "yes";

        assertThatThrownBy(() -> EnrichedTsv.parse(String.join("\t", fields)))
                .isInstanceOfSatisfying(EnrichedTsvException.class, e -> assertThat(e.problems())
                        .extracting(EnrichedTsvException.Problem::field)
                        .containsExactly("txn_id", "br_features_pdf", "derived_tstamp"));
    }

    @Test
    void theAvroRecordDeclaresTheFieldsInTsvOrder() {
        Schema schema = EnrichedEvent.getClassSchema();

        assertThat(schema.getFields()).hasSize(EnrichedField.COUNT);
        for (EnrichedField field : EnrichedField.all()) {
            assertThat(schema.getFields().get(field.position()).name()).isEqualTo(field.fieldName());
        }
    }

    @Test
    void atomicMaximumLengthsAreAvailable() {
        assertThat(EnrichedField.APP_ID.maxLength()).hasValue(255);
        assertThat(EnrichedField.EVENT_ID.maxLength()).hasValue(36);
        assertThat(EnrichedField.PAGE_URLQUERY.maxLength()).hasValue(6000);
        assertThat(EnrichedField.GEO_COUNTRY.maxLength()).hasValue(2);
        assertThat(EnrichedField.CONTEXTS.maxLength()).isEmpty();
        assertThat(EnrichedField.byName("tr_currency").maxLength()).hasValue(3);
        assertThatThrownBy(() -> EnrichedField.byName("nope")).hasMessageContaining("'nope'");
    }

    /** An event with each field set with probability {@code 1 - nullRate}, to values the TSV can carry. */
    static EnrichedEvent randomEvent(Random random, double nullRate) {
        EnrichedEvent event = new EnrichedEvent();
        for (EnrichedField field : EnrichedField.all()) {
            if (random.nextDouble() < nullRate) {
                continue;
            }
            Object value = switch (field.kind()) {
                case STRING -> randomText(random, field.maxLength().orElse(100));
                case JSON -> "{\"schema\":\"iglu:com.acme/thing/jsonschema/1-0-0\",\"data\":{\"n\":"
                        + random.nextInt(1000) + ",\"s\":\"caf\u00e9 \u2603\"}}";
                case INTEGER -> random.nextInt();
                case DOUBLE -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
                case BOOLEAN -> random.nextBoolean();
                case TIMESTAMP -> Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            };
            event.put(field.position(), value);
        }
        return event;
    }

    private static String randomText(Random random, int maxLength) {
        String alphabet = "abcXYZ019 -_./:?=&%\u00e9\u00fc\u4e2d\u0416\"'{}";
        int length = 1 + random.nextInt(Math.min(maxLength, 40));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
