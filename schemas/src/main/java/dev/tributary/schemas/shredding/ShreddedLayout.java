package dev.tributary.schemas.shredding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things are inside one shredded run folder. The shredder writes this layout and the warehouse loader
 * reads it; both go through this class so the two cannot drift.
 *
 * <pre>
 * shredded.good/run=&lt;id&gt;/
 *   atomic-events/part-*.gz                                           128-column TSV, atomic.events order
 *   shredded-types/vendor=&lt;v&gt;/name=&lt;n&gt;/format=tsv/model=&lt;m&gt;/part-*.gz   meta columns + FlatSchema columns
 *   shredded-types/vendor=&lt;v&gt;/name=&lt;n&gt;/format=json/model=&lt;m&gt;/part-*.gz  {"schema","data","hierarchy"} lines
 *   _SUCCESS
 *   shredding_complete.json
 * shredded.bad/run=&lt;id&gt;/part-*.gz                                      one bad row (self-describing JSON) per line
 * </pre>
 *
 * Why this shape: {@code atomic-events/} and the {@code shredded-types/vendor=/name=/} prefix are what
 * RDB Shredder 0.x wrote, so existing tooling finds them; {@code format=}/{@code model=} are RDB Shredder
 * 1.x's partition keys, so TSV and JSON folders of the same type sit side by side and each folder maps to
 * exactly one table ({@link ShreddedType#tableName()}). Hive-style {@code key=value} segments let Spark, Athena
 * and Glue read the tree as a partitioned dataset. {@code _SUCCESS} is written by Spark's committer when
 * every part is in place; {@code shredding_complete.json} is written last, so a loader that sees it knows
 * the folder is whole.
 */
public final class ShreddedLayout {

    public static final String ATOMIC_EVENTS = "atomic-events";
    public static final String SHREDDED_TYPES = "shredded-types";
    public static final String SUCCESS = "_SUCCESS";
    public static final String SHREDDING_COMPLETE = "shredding_complete.json";
    public static final String RUN_PREFIX = "run=";

    /** Number of columns of an atomic-events row. */
    public static final int ATOMIC_COLUMN_COUNT = AtomicColumns.COUNT;

    /** The columns every shredded TSV row starts with, before the entity's own columns. */
    public static final List<String> TSV_META_COLUMNS = List.of("schema_vendor", "schema_name", "schema_format",
            "schema_version", "root_id", "root_tstamp", "ref_root", "ref_tree", "ref_parent");

    /** EmrEtlRunner's run id: the runner's local time, {@code yyyy-MM-dd-HH-mm-ss}. */
    public static final Pattern RUN_ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");

    private static final Pattern TYPE_FOLDER = Pattern.compile(
            "(?:^|/)" + SHREDDED_TYPES + "/vendor=([^/]+)/name=([^/]+)/format=(tsv|json)/model=([1-9][0-9]*)(?:/|$)");

    private final String root;

    private ShreddedLayout(String root) {
        this.root = root;
    }

    /** The layout of the run folder at {@code runFolder} (any URI or path; a trailing slash is ignored). */
    public static ShreddedLayout at(String runFolder) {
        Objects.requireNonNull(runFolder, "runFolder");
        String r = runFolder;
        while (r.endsWith("/") && r.length() > 1) {
            r = r.substring(0, r.length() - 1);
        }
        return new ShreddedLayout(r);
    }

    /** The run folder for {@code runId} under {@code shreddedGood} (for example {@code s3a://b/shredded/good}). */
    public static ShreddedLayout forRun(String shreddedGood, String runId) {
        return at(join(shreddedGood, runFolderName(runId)));
    }

    /** {@code run=<runId>}, checking the id's shape. */
    public static String runFolderName(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must look like 2024-05-01-10-15-30, got '" + runId + "'");
        }
        return RUN_PREFIX + runId;
    }

    /** The bad-rows folder of {@code runId} under {@code shreddedBad}. */
    public static String badRunFolder(String shreddedBad, String runId) {
        return join(shreddedBad, runFolderName(runId));
    }

    /** The run folder itself, without a trailing slash. */
    public String root() {
        return root;
    }

    public String atomicEvents() {
        return join(root, ATOMIC_EVENTS);
    }

    public String shreddedTypes() {
        return join(root, SHREDDED_TYPES);
    }

    public String typeFolder(ShreddedType type) {
        return join(root, relativeTypeFolder(type));
    }

    public String success() {
        return join(root, SUCCESS);
    }

    public String shreddingComplete() {
        return join(root, SHREDDING_COMPLETE);
    }

    /** {@code shredded-types/vendor=<v>/name=<n>/format=<tsv|json>/model=<m>}. */
    public static String relativeTypeFolder(ShreddedType type) {
        return SHREDDED_TYPES + "/vendor=" + type.vendor() + "/name=" + type.name() + "/format="
                + type.format().pathValue() + "/model=" + type.model();
    }

    /** The type a path (folder or part file, relative or absolute) belongs to, if it is under shredded-types. */
    public static Optional<ShreddedType> typeOf(String path) {
        Matcher m = TYPE_FOLDER.matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ShreddedType(m.group(1), m.group(2), Integer.parseInt(m.group(4)),
                ShreddedFormat.parse(m.group(3))));
    }

    /** True for the data files Spark writes ({@code part-*}), false for markers and checksums. */
    public static boolean isPartFile(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        return name.startsWith("part-") && !name.endsWith(".crc");
    }

    private static String join(String parent, String child) {
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    @Override
    public String toString() {
        return "ShreddedLayout(" + root + ")";
    }
}
