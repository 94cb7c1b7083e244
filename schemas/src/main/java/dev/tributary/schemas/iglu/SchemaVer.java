package dev.tributary.schemas.iglu;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Iglu SchemaVer, {@code MODEL-REVISION-ADDITION} (for example {@code 1-0-4}). Ordering is numeric,
 * component by component, so {@code 1-0-10} sorts after {@code 1-0-9}.
 */
public record SchemaVer(int model, int revision, int addition) implements Comparable<SchemaVer> {

    // Model starts at 1; leading zeros are rejected so that every version has exactly one spelling.
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]*)-(0|[1-9][0-9]*)-(0|[1-9][0-9]*)");

    private static final Comparator<SchemaVer> ORDER = Comparator.comparingInt(SchemaVer::model)
            .thenComparingInt(SchemaVer::revision)
            .thenComparingInt(SchemaVer::addition);

    public SchemaVer {
        if (model < 1 || revision < 0 || addition < 0) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMAVER,
                    "invalid SchemaVer " + model + "-" + revision + "-" + addition
                            + ": model must be >= 1, revision and addition >= 0");
        }
    }

    public static SchemaVer of(int model, int revision, int addition) {
        return new SchemaVer(model, revision, addition);
    }

    /** Parses {@code MODEL-REVISION-ADDITION}; throws {@link IgluParseException} (INVALID_SCHEMAVER) otherwise. */
    public static SchemaVer parse(String text) {
        if (text == null) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMAVER, "SchemaVer is null");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMAVER,
                    "invalid SchemaVer '" + text + "': expected MODEL-REVISION-ADDITION such as 1-0-0");
        }
        try {
            return new SchemaVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMAVER,
                    "invalid SchemaVer '" + text + "': component out of range");
        }
    }

    @Override
    public int compareTo(SchemaVer other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return model + "-" + revision + "-" + addition;
    }
}
