package dev.tributary.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SelfDescribingJson;
import dev.tributary.schemas.iglu.ValidationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads enriched TSV lines by field name and checks the invariants every output must hold. */
public final class EnrichedLines {

    private static final Resolver BUNDLED = Resolver.bundled();

    private EnrichedLines() {
    }

    /** Field name to value (empty string for unset), asserting exactly 131 fields. */
    public static Map<String, String> fields(String line) {
        String[] values = line.split("\t", -1);
        assertThat(values).as("enriched TSV field count").hasSize(EnrichedField.COUNT);
        Map<String, String> byName = new LinkedHashMap<>();
        for (EnrichedField field : EnrichedField.all()) {
            byName.put(field.fieldName(), values[field.position()]);
        }
        return byName;
    }

    /** Parses a bad row and asserts it validates against its bundled schema. */
    public static SelfDescribingJson validBadRow(String line) {
        SelfDescribingJson row = SelfDescribingJson.parse(line);
        ValidationResult result = BUNDLED.validate(row);
        assertThat(result.isValid()).as("bad row validates: %s", result.describe()).isTrue();
        return row;
    }
}
