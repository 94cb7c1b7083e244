package dev.tributary.enrich.mapping;

import java.util.Set;

/** The platform codes the tracker protocol allows in {@code p}. */
final class Platforms {

    static final Set<String> CODES = Set.of("web", "mob", "pc", "srv", "app", "tv", "cnsl", "iot", "headset");

    private Platforms() {
    }
}
