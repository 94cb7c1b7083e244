package dev.tributary.schemas.iglu;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern over schema keys such as {@code iglu:com.acme/event/jsonschema/1-*-*}: vendor, name and format
 * must be equal, each version component is either a number or the wildcard {@code *} (stored as {@code null}).
 */
public record SchemaCriterion(String vendor, String name, String format,
                              Integer model, Integer revision, Integer addition) {

    private static final Pattern FORM = Pattern.compile(
            "iglu:([^/]+)/([^/]+)/([^/]+)/(\\*|[0-9]+)-(\\*|[0-9]+)-(\\*|[0-9]+)");

    public SchemaCriterion {
        SchemaKey.checkPart("vendor", vendor, SchemaKey.VENDOR);
        SchemaKey.checkPart("name", name, SchemaKey.NAME);
        SchemaKey.checkPart("format", format, SchemaKey.FORMAT);
    }

    /** Parses {@code iglu:vendor/name/format/M-R-A} where each of M, R, A may be {@code *}. */
    public static SchemaCriterion parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_IGLUURI,
                    "invalid schema criterion '" + text + "': expected iglu:vendor/name/format/M-R-A"
                            + " where M, R and A are numbers or *");
        }
        return new SchemaCriterion(m.group(1), m.group(2), m.group(3),
                component(m.group(4), text), component(m.group(5), text), component(m.group(6), text));
    }

    /** A criterion matching every version of {@code vendor/name/format} with the given model. */
    public static SchemaCriterion ofModel(String vendor, String name, String format, int model) {
        return new SchemaCriterion(vendor, name, format, model, null, null);
    }

    public boolean matches(SchemaKey key) {
        SchemaVer v = key.version();
        return vendor.equals(key.vendor())
                && name.equals(key.name())
                && format.equals(key.format())
                && (model == null || model == v.model())
                && (revision == null || revision == v.revision())
                && (addition == null || addition == v.addition());
    }

    @Override
    public String toString() {
        return "iglu:" + vendor + "/" + name + "/" + format + "/"
                + star(model) + "-" + star(revision) + "-" + star(addition);
    }

    private static Integer component(String part, String text) {
        if ("*".equals(part)) {
            return null;
        }
        try {
            return Integer.valueOf(part);
        } catch (NumberFormatException e) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_SCHEMAVER,
                    "invalid schema criterion '" + text + "': version component out of range");
        }
    }

    private static String star(Integer component) {
        return component == null ? "*" : component.toString();
    }
}
