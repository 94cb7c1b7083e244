package dev.tributary.infra.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import java.util.ArrayList;
import java.util.List;

/** Decides whether a candidate schema may follow earlier versions of a subject under a compatibility level. */
final class CompatibilityChecker {

    /**
     * Returns why {@code candidate} is incompatible, empty when it is compatible.
     *
     * @param previous earlier versions, oldest first; non-transitive levels look only at the last one
     */
    List<String> incompatibilities(Schema candidate, List<Schema> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Schema> against = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema existing : against) {
            if (level.backward()) {
                problems.addAll(check(candidate, existing, "backward"));
            }
            if (level.forward()) {
                problems.addAll(check(existing, candidate, "forward"));
            }
        }
        return problems;
    }

    private static List<String> check(Schema reader, Schema writer, String direction) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            problems.add("{" + direction + ": " + incompatibility.getType()
                + ", location: " + incompatibility.getLocation()
                + ", message: " + incompatibility.getMessage() + "}");
        }
        return problems;
    }
}
