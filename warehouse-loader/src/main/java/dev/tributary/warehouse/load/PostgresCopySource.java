package dev.tributary.warehouse.load;

import dev.tributary.schemas.shredding.ShreddedFormat;
import dev.tributary.schemas.shredding.ShreddedJsonLine;
import dev.tributary.warehouse.run.RunStorage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: {@code COPY ... FROM STDIN} through pgjdbc's CopyManager, streaming each gunzipped part file as
 * it is read (nothing is held in memory or written to disk).
 *
 * <p>The files are TSV where an empty field is NULL and a backslash is an ordinary character. PostgreSQL's
 * text format would read backslashes as escapes, so the COPY uses CSV mode with a tab delimiter, no quoting
 * (the quote character is {@code \x01}, which the shredder never writes) and the empty string as NULL.
 *
 * <p>JSON-format types are read line by line; each line becomes the nine hierarchy columns and its {@code data}
 * as one JSONB value.
 */
public final class PostgresCopySource implements StagingSource {

    private static final int BUFFER = 1 << 16;

    private final RunStorage run;

    public PostgresCopySource(RunStorage run) {
        this.run = run;
    }

    public static String copySql(String stagingTable, TableLoad load) {
        return "COPY " + stagingTable + " ("
                + load.fileColumns().stream().map(c -> c.name()).collect(Collectors.joining(", "))
                + ") FROM STDIN WITH (FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01', NULL '')";
    }

    @Override
    public OptionalLong fill(Connection connection, String stagingTable, TableLoad load) throws SQLException, LoadException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = copySql(stagingTable, load);
        long rows = 0;
        for (String file : load.files()) {
            try (InputStream in = open(file)) {
                rows += load.format() == ShreddedFormat.TSV
                        ? copy.copyIn(sql, in, BUFFER)
                        : copyJsonLines(copy, sql, in, file);
            } catch (SQLException e) {
                throw new FileCopyException(file, e);
            } catch (IOException e) {
                throw new LoadException("cannot read " + run.location() + "/" + file + ": " + e.getMessage(), e);
            }
        }
        return OptionalLong.of(rows);
    }

    private InputStream open(String file) throws IOException {
        InputStream raw = run.open(file);
        return file.endsWith(".gz") ? new GZIPInputStream(raw, BUFFER) : raw;
    }

    private static long copyJsonLines(CopyManager copy, String sql, InputStream in, String file)
            throws SQLException, IOException, LoadException {
        CopyIn copyIn = copy.copyIn(sql);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
            StringBuilder row = new StringBuilder(1024);
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ShreddedJsonLine entity;
                try {
                    entity = ShreddedJsonLine.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new LoadException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
                row.setLength(0);
                for (String cell : entity.hierarchy().metaCells(entity.schema())) {
                    row.append(cell).append('\t');
                }
                // Compact JSON escapes every control character, so it holds no tab or newline.
                row.append(entity.data().toString()).append('\n');
                byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
                copyIn.writeToCopy(bytes, 0, bytes.length);
            }
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    /** A COPY failure, remembering which file it was reading. */
    static final class FileCopyException extends SQLException {
        private final String file;

        FileCopyException(String file, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
            this.file = file;
        }

        String file() {
            return file;
        }
    }
}
