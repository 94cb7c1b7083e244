package dev.tributary.shredder;

import dev.tributary.schemas.enriched.EnrichedField;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.Hierarchy;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedJsonLine;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
            String folder = FOLDERS.computeIfAbsent(e.type().type(), ShreddedLayout::relativeTypeFolder);
            lines.add(new Tuple2<>(folder, e.type().type().format() == ShreddedFormat.TSV
                    ? tsv(e, shredded.eventId(), rootTstamp)
                    : new ShreddedJsonLine(e.entity().key(), e.entity().data(),
                            Hierarchy.ofEvent(shredded.eventId(), rootTstamp, e.entity().key().name())).toLine()));
        }
        return lines;
    }

    /** Folder names and the constant parts of the meta columns, made once per type and key, not per row. */
    private static final Map<ShreddedType, String> FOLDERS = new ConcurrentHashMap<>();
    private static final Map<SchemaKey, String[]> META = new ConcurrentHashMap<>();

    /** The {@link Hierarchy#metaCells} of an entity, built from two cached halves around the event's id and time. */
    private static String tsv(ShreddedEvent.ResolvedEntity e, String rootId, String rootTstamp) {
        String[] meta = META.computeIfAbsent(e.entity().key(), key -> {
            List<String> cells = Hierarchy.ofEvent("", "", key.name()).metaCells(key);
            return new String[] {String.join("\t", cells.subList(0, 4)) + "\t",
                "\t" + String.join("\t", cells.subList(6, 9))};
        });
        StringBuilder row = new StringBuilder(256).append(meta[0]).append(rootId).append('\t').append(rootTstamp)
                .append(meta[1]);
        for (String cell : e.type().flat().cells(e.entity().data())) {
            row.append('\t').append(cell);
        }
        return row.toString();
    }
}
