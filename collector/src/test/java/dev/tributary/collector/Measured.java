package dev.tributary.collector;

/**
 * One greppable line per reliability scenario on the test output ({@code mvn ... | grep RELIABILITY}),
 * the figures quoted in docs/reliability-collector.md. Each figure is also asserted by the test that prints it.
 */
public final class Measured {

    private Measured() {
    }

    public static void report(String scenario, int sent, int ok, int unavailable, int closedUnanswered, int lost,
                              String note) {
        System.out.printf("RELIABILITY scenario=%s sent=%d answered_200=%d answered_503=%d closed_unanswered=%d lost=%d %s%n",
                scenario, sent, ok, unavailable, closedUnanswered, lost, note);
    }
}
