package dev.tributary.enrich.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses JSON that came from a tracker, refusing documents nested deeper than a maximum while the parser streams
 * through the text: a hostile body never becomes a tree deep enough to overflow the stack of whatever walks it
 * later (schema validation, PII paths, serialisation). Snowplow's enrich has the same limit ({@code maxJsonDepth},
 * 50 by default).
 */
public final class BoundedJsonReader {

    /** Snowplow's default {@code maxJsonDepth}. */
    public static final int DEFAULT_MAX_DEPTH = 50;
    public static final String CONFIG_KEY = "enrich.validation.max-json-depth";

    private final ObjectMapper mapper;
    private final int maxDepth;

    public BoundedJsonReader(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public static BoundedJsonReader withDefaultDepth() {
        return new BoundedJsonReader(DEFAULT_MAX_DEPTH);
    }

    /**
     * @throws JsonProcessingException when {@code text} is not JSON, or is nested deeper than the maximum; use
     *                                 {@link #describe} for the message a bad row carries
     */
    public JsonNode read(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** The error for a bad row: names the limit and its config key when the depth was the problem. */
    public String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "JSON nested deeper than the maximum of " + maxDepth + " levels (" + CONFIG_KEY + ")";
        }
        return e.getOriginalMessage();
    }
}
