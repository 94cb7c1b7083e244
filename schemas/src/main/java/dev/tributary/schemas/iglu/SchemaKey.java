package dev.tributary.schemas.iglu;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full coordinates of one Iglu schema: {@code iglu:vendor/name/format/MODEL-REVISION-ADDITION}.
 * {@link #toString()} is the Iglu URI.
 */
public record SchemaKey(String vendor, String name, String format, SchemaVer version) {

    static final String IGLU_PREFIX = "iglu:";
    static final Pattern VENDOR = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    static final Pattern FORMAT = Pattern.compile("[a-zA-Z0-9_-]+");

    private static final Pattern PATH = Pattern.compile("([^/]+)/([^/]+)/([^/]+)/([^/]+)");

    public SchemaKey {
        checkPart("vendor", vendor, VENDOR);
        checkPart("name", name, NAME);
        checkPart("format", format, FORMAT);
        Objects.requireNonNull(version, "version");
    }

    public static SchemaKey of(String vendor, String name, String format, SchemaVer version) {
        return new SchemaKey(vendor, name, format, version);
    }

    /** Parses an Iglu URI such as {@code iglu:com.acme/event/jsonschema/1-0-0}. */
    public static SchemaKey parse(String uri) {
        if (uri == null || !uri.startsWith(IGLU_PREFIX)) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_IGLUURI,
                    "invalid Iglu URI '" + uri + "': expected iglu:vendor/name/format/version");
        }
        return fromPath(uri.substring(IGLU_PREFIX.length()), uri);
    }

    /** Parses the repository path form {@code vendor/name/format/1-0-0}. */
    public static SchemaKey fromPath(String path) {
        return fromPath(path, path);
    }

    private static SchemaKey fromPath(String path, String original) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_IGLUURI,
                    "invalid Iglu URI '" + original + "': expected vendor/name/format/version");
        }
        SchemaVer version = SchemaVer.parse(m.group(4));
        return new SchemaKey(m.group(1), m.group(2), m.group(3), version);
    }

    /** {@code iglu:vendor/name/format/version}. */
    public String toUri() {
        return IGLU_PREFIX + toPath();
    }

    /** The location of this schema inside a static repository: {@code vendor/name/format/version}. */
    public String toPath() {
        return vendor + "/" + name + "/" + format + "/" + version;
    }

    /**
     * False when the vendor, name or format is {@code .} or {@code ..} (the vendor's character set allows both): as
     * segments of a repository path those step out of the repository's tree.
     */
    boolean isPlainPath() {
        for (String segment : new String[] {vendor, name, format}) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return toUri();
    }

    static void checkPart(String what, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IgluParseException(IgluParseException.Reason.INVALID_IGLUURI,
                    "invalid Iglu " + what + " '" + value + "'");
        }
    }
}
