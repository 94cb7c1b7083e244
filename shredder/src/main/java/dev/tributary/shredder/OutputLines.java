package dev.tributary.shredder;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.shredding.Hierarchy;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedJsonLine;
import dev.tributary.schemas.shredding.ShreddedLayout;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines one shredded event contributes to the run folder, each with the folder (relative to the run) it
 * belongs in: its atomic-events row, then one row per entity in its type's folder, TSV or JSON.
 */
public final class OutputLines {

    /** Where bad rows are written inside the run folder before they are moved to the bad-rows folder. */
    public static final String BAD_ROWS_STAGING = "_bad-rows";

    private OutputLines() {
    }

    public static List<Tuple2<String, String>> of(ShreddedEvent shredded) {
        List<Tuple2<String, String>> lines = new ArrayList<>(1 + shredded.entities().size());
        lines.add(new Tuple2<>(ShreddedLayout.ATOMIC_EVENTS, AtomicRow.of(shredded.event(), shredded.eventId())));
        String rootTstamp = EnrichedLine.formatTimestamp(shredded.event().get(EnrichedField.COLLECTOR_TSTAMP));
        for (ShreddedEvent.ResolvedEntity e : shredded.entities()) {
            Hierarchy hierarchy = Hierarchy.ofEvent(shredded.eventId(), rootTstamp, e.entity().key().name());
            String folder = ShreddedLayout.relativeTypeFolder(e.type().type());
            lines.add(new Tuple2<>(folder, e.type().type().format() == ShreddedFormat.TSV
                    ? tsv(e, hierarchy)
                    : new ShreddedJsonLine(e.entity().key(), e.entity().data(), hierarchy).toLine()));
        }
        return lines;
    }

    private static String tsv(ShreddedEvent.ResolvedEntity e, Hierarchy hierarchy) {
        StringBuilder row = new StringBuilder(256);
        for (String cell : hierarchy.metaCells(e.entity().key())) {
            row.append(cell).append('\t');
        }
        for (String cell : e.type().flat().cells(e.entity().data())) {
            row.append(cell).append('\t');
        }
        row.setLength(row.length() - 1);
        return row.toString();
    }
}
