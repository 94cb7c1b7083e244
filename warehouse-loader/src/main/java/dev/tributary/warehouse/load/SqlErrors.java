package dev.tributary.warehouse.load;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL's answer to a bad row into a {@link RowDoesNotFitException} naming the warehouse table and
 * column. PostgreSQL names the staging table (COPY's context line {@code COPY <table>, line N, column <c>: ...},
 * or the table and column fields of a constraint violation); the staging names are mapped back to the tables.
 */
final class SqlErrors {

    private static final Pattern COPY_CONTEXT = Pattern.compile("COPY (\\S+), line (\\d+)(?:, column ([^:]+))?");

    private SqlErrors() {
    }

    /** @param stagingToTable staging table name to schema-qualified warehouse table name */
    static Optional<RowDoesNotFitException> rowDoesNotFit(SQLException e, Map<String, String> stagingToTable) {
        PSQLException pg = unwrap(e);
        if (pg == null || pg.getServerErrorMessage() == null) {
            return Optional.empty();
        }
        ServerErrorMessage m = pg.getServerErrorMessage();
        String state = m.getSQLState() == null ? "" : m.getSQLState();
        // Class 22: data exceptions (too long, invalid input syntax, out of range); 23502: not-null violation.
        if (!state.startsWith("22") && !state.equals("23502")) {
            return Optional.empty();
        }
        String file = e instanceof PostgresCopySource.FileCopyException f ? f.file() : null;
        String where = m.getWhere() == null ? "" : m.getWhere();
        Matcher copy = COPY_CONTEXT.matcher(where);
        String staging = m.getTable();
        String column = m.getColumn();
        String line = null;
        if (copy.find()) {
            staging = copy.group(1);
            line = copy.group(2);
            if (copy.group(3) != null) {
                column = copy.group(3).trim();
            }
        }
        if (staging == null || column == null) {
            return Optional.empty();
        }
        String table = stagingToTable.getOrDefault(staging, staging);
        StringBuilder location = new StringBuilder();
        if (file != null) {
            location.append("file ").append(file);
        }
        if (line != null) {
            location.append(location.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        return Optional.of(new RowDoesNotFitException(table, column, location.toString(), m.getMessage(), e));
    }

    private static PSQLException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p) {
                return p;
            }
        }
        return null;
    }
}
