package dev.tributary.enrich.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

class BoundedJsonReaderTest {

    private final BoundedJsonReader reader = new BoundedJsonReader(50);

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void jsonAtTheMaximumDepthIsRead() throws Exception {
        assertThat(reader.read(nested(50)).isArray()).isTrue();
        assertThat(reader.read(nestedObjects(50)).isObject()).isTrue();
    }

    @Test
    void oneLevelDeeperIsRefusedWithTheLimitAndItsKey() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> reader.read(nestedObjects(51)));

        assertThat(reader.describe(e)).isEqualTo(
                "JSON nested deeper than the maximum of 50 levels (enrich.validation.max-json-depth)");
    }

    @Test
    void aMillionLevelsAreRefusedWhileStreamingWithoutOverflowingTheStack() {
        // Deep enough that building (or walking) the tree recursively would overflow a default thread stack.
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> reader.read(nested(1_000_000)));

        assertThat(reader.describe(e)).contains("maximum of 50 levels");
    }

    @Test
    void otherParseErrorsKeepJacksonsMessage() {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> reader.read("{nope"));

        assertThat(reader.describe(e)).doesNotContain("max-json-depth").isNotBlank();
    }
}
