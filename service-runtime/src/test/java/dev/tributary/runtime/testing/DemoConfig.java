package dev.tributary.runtime.testing;

import dev.tributary.runtime.config.TypedConfig;
import java.time.Duration;
import java.util.List;

/** The demo service's validated config, built the way a real service builds its record. */
public record DemoConfig(String greeting, int port, int workers, Duration delay, List<String> tags, String behaviour) {

    public static DemoConfig from(TypedConfig root) {
        return new DemoConfig(root.nonBlank("greeting"), root.port("port"), root.intBetween("workers", 1, 64),
                root.positiveDuration("delay"), root.strings("tags"),
                root.oneOf("behaviour", List.of("", "fail-start", "fail-later")));
    }
}
