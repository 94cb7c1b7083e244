package dev.tributary.localstack.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's table on standard output, one row printed as soon as its count is final, so a user watches the events
 * move through the stages. Columns are separated by {@code |}, so a script (or a test) splits a row on it:
 *
 * <pre>
 * | stage     | item                                    |    count | expected | detail
 * | enrich    | enriched events (topic enriched)        |      200 |      200 |
 * </pre>
 */
final class StageTable {

    private static final String FORMAT = "| %-9s | %-56s | %8s | %8s | %s%n";

    private final PrintStream out;
    private final List<StageRow> rows = new ArrayList<>();

    StageTable(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(FORMAT, "stage", "item", "count", "expected", "detail");
        out.printf(FORMAT, "-".repeat(9), "-".repeat(56), "-".repeat(8), "-".repeat(8), "------");
        out.flush();
    }

    void add(StageRow row) {
        rows.add(row);
        out.printf(FORMAT, row.stage(), row.item(), row.count(), row.expected() == null ? "-" : row.expected(),
                (row.shortfall() ? "SHORT " : "") + row.detail());
        out.flush();
    }

    List<StageRow> rows() {
        return List.copyOf(rows);
    }

    List<StageRow> shortfalls() {
        return rows.stream().filter(StageRow::shortfall).toList();
    }
}
