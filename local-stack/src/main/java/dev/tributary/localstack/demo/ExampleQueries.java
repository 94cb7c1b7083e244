package dev.tributary.localstack.demo;

import dev.tributary.localstack.client.Warehouse;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A few questions an analyst asks first, as SQL a user can paste into {@code psql}, printed with their answers:
 * events per type, top referrers, campaigns, and top browsers from the YAUAA context table.
 */
final class ExampleQueries {

    record Query(String title, String sql) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("events per type",
                    "select event, count(*) as events from atomic.events group by event order by events desc, event"),
            new Query("top referrers (external sites that sent visitors)",
                    "select refr_urlhost, count(*) as page_views from atomic.events where event = 'page_view' "
                            + "and refr_urlhost is not null and refr_urlhost <> page_urlhost "
                            + "group by refr_urlhost order by page_views desc, refr_urlhost limit 5"),
            new Query("campaigns (utm_* of the landing page)",
                    "select mkt_source, mkt_medium, mkt_campaign, count(*) as events from atomic.events "
                            + "where mkt_source is not null group by 1, 2, 3 order by events desc, 1 limit 5"),
            new Query("top browsers (YAUAA context)",
                    "select agent_name, operating_system_name, count(*) as events from atomic.nl_basjes_yauaa_context_1 "
                            + "group by 1, 2 order by events desc, 1, 2 limit 5"));

    private ExampleQueries() {
    }

    static void print(Warehouse warehouse, PrintStream out) {
        for (Query query : QUERIES) {
            out.println();
            out.println("-- " + query.title());
            out.println(query.sql() + ";");
            try {
                Warehouse.Result result = warehouse.query(query.sql());
                printTable(result, out);
            } catch (SQLException e) {
                out.println("(failed: " + e.getMessage().strip() + ")");
            }
        }
        out.flush();
    }

    private static void printTable(Warehouse.Result result, PrintStream out) {
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < result.columns().size(); c++) {
            int width = result.columns().get(c).length();
            for (List<String> row : result.rows()) {
                width = Math.max(width, row.get(c).length());
            }
            widths.add(width);
        }
        out.println(line(result.columns(), widths));
        out.println(line(widths.stream().map("-"::repeat).toList(), widths));
        result.rows().forEach(row -> out.println(line(row, widths)));
        out.println("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
    }

    private static String line(List<String> values, List<Integer> widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < values.size(); c++) {
            text.append(c == 0 ? " " : " | ").append(String.format("%-" + widths.get(c) + "s", values.get(c)));
        }
        return text.toString().stripTrailing();
    }
}
