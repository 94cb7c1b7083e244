package dev.tributary.warehouse.load;

import dev.tributary.schemas.iglu.Resolver;
import dev.tributary.schemas.iglu.SchemaKey;
import dev.tributary.schemas.shredding.FlatSchema;
import dev.tributary.schemas.shredding.ModelSchemas;
import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedLayout;
import dev.tributary.schemas.shredding.ShreddedType;
import dev.tributary.schemas.shredding.ShreddingComplete;
import dev.tributary.warehouse.ddl.AtomicEventsTable;
import dev.tributary.warehouse.ddl.Column;
import dev.tributary.warehouse.ddl.EntityTables;
import dev.tributary.warehouse.ddl.PropertyColumns;
import dev.tributary.warehouse.ddl.SqlDialect;
import dev.tributary.warehouse.ddl.TableDdl;
import dev.tributary.warehouse.run.RunFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a run folder into a {@link LoadPlan}: reads shredding_complete.json, lists the files and derives each
 * entity table from its Iglu schemas. A run that is incomplete or inconsistent (a type folder the manifest does
 * not list, a schema that cannot be resolved, a format that disagrees with the schema) is refused as a whole.
 */
public final class LoadPlanner {

    private final Resolver resolver;

    public LoadPlanner(Resolver resolver) {
        this.resolver = resolver;
    }

    public LoadPlan plan(RunFolder run, String schema, SqlDialect dialect) throws LoadException {
        try {
            if (!run.isComplete()) {
                throw new LoadException(run + ": no " + ShreddedLayout.SHREDDING_COMPLETE
                        + "; the run is not completely shredded yet");
            }
            ShreddingComplete complete = run.shreddingComplete();
            TableDdl eventsTable = AtomicEventsTable.ddl(schema);
            TableLoad events = new TableLoad(eventsTable, ShreddedLayout.ATOMIC_EVENTS, ShreddedFormat.TSV,
                    eventsTable.columns(), run.atomicEventFiles(), true);

            List<TableLoad> entities = new ArrayList<>();
            Set<ShreddedType> listed = new HashSet<>();
            Set<String> tableNames = new HashSet<>();
            for (ShreddingComplete.TypeEntry entry : complete.types()) {
                ShreddedType type = entry.shreddedType();
                listed.add(type);
                TableDdl table = table(schema, entry.schemaKey(), type, dialect);
                if (!tableNames.add(table.name())) {
                    throw new LoadException(run + ": shredding_complete.json lists two types for table " + table.name());
                }
                List<Column> fileColumns = table.columns();
                entities.add(new TableLoad(table, ShreddedLayout.relativeTypeFolder(type), type.format(), fileColumns,
                        run.typeFiles(type), false));
            }
            for (ShreddedType onDisk : run.typesOnDisk()) {
                if (!listed.contains(onDisk)) {
                    throw new LoadException(run + ": folder " + ShreddedLayout.relativeTypeFolder(onDisk)
                            + " is not listed in " + ShreddedLayout.SHREDDING_COMPLETE + "; refusing to leave it out");
                }
            }
            return new LoadPlan(run, complete, schema, events, entities);
        } catch (IOException e) {
            throw new LoadException("cannot read run " + run + ": " + e.getMessage(), e);
        }
    }

    private TableDdl table(String schema, SchemaKey key, ShreddedType type, SqlDialect dialect) throws LoadException {
        String name = type.tableName();
        if (name.length() > dialect.maxIdentifierLength()) {
            throw new LoadException("table name " + name + " for " + key.toUri() + " is longer than the "
                    + dialect.maxIdentifierLength() + " characters the warehouse allows");
        }
        if (type.format() == ShreddedFormat.JSON) {
            return EntityTables.ddl(schema, name, List.of(EntityTables.JSON_DATA_COLUMN));
        }
        ModelSchemas.Lookup lookup = ModelSchemas.lookup(resolver, key);
        if (lookup instanceof ModelSchemas.NotFound notFound) {
            throw new LoadException("cannot resolve " + key.toUri() + " for table " + name + ": " + notFound.error());
        }
        FlatSchema flat = ((ModelSchemas.Found) lookup).flat();
        if (!flat.isTabular()) {
            throw new LoadException(key.toUri() + " is listed as TSV but cannot be flattened ("
                    + flat.notTabularReason().orElse("") + ")");
        }
        return EntityTables.ddl(schema, name, PropertyColumns.of(flat));
    }
}
