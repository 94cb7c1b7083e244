package dev.tributary.schemas.enriched;

import java.util.List;

/**
 * A line that is not a valid enriched TSV event. Carries every problem found, not just the first,
 * so a loader can put them all in one {@code loader_parsing_error} bad row.
 */
public final class EnrichedTsvException extends Exception {

    /** One problem: a field whose text does not fit its type, or a wrong number of fields. */
    public record Problem(String field, String value, String message) {
    }

    private final transient List<Problem> problems;

    public EnrichedTsvException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Invalid enriched TSV line: ");
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            if (i > 0) {
                text.append("; ");
            }
            if (problem.field() != null) {
                text.append(problem.field()).append(": ");
            }
            text.append(problem.message());
        }
        return text.toString();
    }
}
