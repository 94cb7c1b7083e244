package dev.tributary.warehouse.load;

import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.warehouse.ddl.Column;
import dev.tributary.warehouse.ddl.TableDdl;
import java.util.List;

/**
 * One table's share of a run: the table as it should be after the load, the columns of its files in file
 * order, and the files.
 *
 * @param source         the run-relative folder the files are in, e.g. {@code atomic-events}
 * @param fileColumns    columns of one row of the files, in order (for JSON files: the columns each line is
 *                       turned into)
 * @param files          run-relative paths of the part files
 * @param events         true for atomic.events, false for an entity table
 */
public record TableLoad(TableDdl table, String source, ShreddedFormat format, List<Column> fileColumns,
                        List<String> files, boolean events) {

    public TableLoad {
        fileColumns = List.copyOf(fileColumns);
        files = List.copyOf(files);
    }
}
