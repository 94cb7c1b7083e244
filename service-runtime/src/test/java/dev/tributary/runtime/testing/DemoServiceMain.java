package dev.tributary.runtime.testing;

import dev.tributary.runtime.cli.ServiceRunner;

/** The demo service's entry point, as every service's main looks after the migration: one line. */
public final class DemoServiceMain {

    private DemoServiceMain() {
    }

    public static void main(String[] args) {
        ServiceRunner.main(DemoService.DEFINITION, args);
    }
}
