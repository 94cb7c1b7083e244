package dev.tributary.schemas.enriched;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.badrows.EnrichedFields;
import org.junit.jupiter.api.Test;

/** The bad-row payload types describe the same 131 fields, in the same order, as the TSV codec. */
class EnrichedFieldConsistencyTest {

    @Test
    void badRowFieldTableMatchesTheAtomicFieldTable() {
        assertThat(EnrichedFields.FIELDS).hasSize(EnrichedField.COUNT);
        for (EnrichedField field : EnrichedField.all()) {
            EnrichedFields.Field badRowField = EnrichedFields.FIELDS.get(field.position());
            assertThat(badRowField.name()).isEqualTo(field.fieldName());
            assertThat(badRowField.position()).isEqualTo(field.position() + 1);
        }
    }
}
