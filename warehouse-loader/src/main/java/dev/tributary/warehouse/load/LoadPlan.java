package dev.tributary.warehouse.load;

import dev.tributary.schemas.shredding.ShreddingComplete;
import dev.tributary.warehouse.run.RunFolder;
import java.util.ArrayList;
import java.util.List;

/** Everything one run puts into one target: atomic.events first, then one entity table per shredded type. */
public record LoadPlan(RunFolder run, ShreddingComplete complete, String schema, TableLoad events,
                       List<TableLoad> entities) {

    public LoadPlan {
        entities = List.copyOf(entities);
    }

    /** The manifest key: the run folder the shredder wrote, as named in shredding_complete.json. */
    public String base() {
        return complete.base();
    }

    public List<TableLoad> tables() {
        List<TableLoad> all = new ArrayList<>();
        all.add(events);
        all.addAll(entities);
        return all;
    }
}
