package dev.tributary.warehouse.testing;

import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.ResolverConfig;

/** The bundled schemas plus the test schemas under src/test/resources/test-iglu. */
public final class TestResolver {

    public static final String CONFIG = """
            {"schema": "iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3",
             "data": {"cacheSize": 100, "repositories": [
               {"name": "bundled", "priority": 0, "vendorPrefixes": [], "connection": {"embedded": {"path": "/iglu"}}},
               {"name": "tests", "priority": 1, "vendorPrefixes": [], "connection": {"embedded": {"path": "/test-iglu"}}}]}}
            """;

    private TestResolver() {
    }

    public static Resolver create() {
        return Resolver.fromConfig(ResolverConfig.parse(CONFIG));
    }
}
