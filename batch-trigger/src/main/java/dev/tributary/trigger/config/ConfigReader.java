package dev.tributary.trigger.config;

import dev.tributary.trigger.config.TriggerConfig.Aws;
import dev.tributary.trigger.config.TriggerConfig.Buckets;
import dev.tributary.trigger.config.TriggerConfig.Ebs;
import dev.tributary.trigger.config.TriggerConfig.Emr;
import dev.tributary.trigger.config.TriggerConfig.Enrich;
import dev.tributary.trigger.config.TriggerConfig.Enriched;
import dev.tributary.trigger.config.TriggerConfig.Jobflow;
import dev.tributary.trigger.config.TriggerConfig.Monitoring;
import dev.tributary.trigger.config.TriggerConfig.Shredded;
import dev.tributary.trigger.config.TriggerConfig.SnowplowMonitoring;
import dev.tributary.trigger.config.TriggerConfig.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads EmrEtlRunner's stream-mode {@code config.yml} as users have it: ERB {@code ENV} tags, then YAML, then typed
 * values. Every wrong value is collected with its key path; {@link ConfigException} carries them all. Keys that stream
 * mode ignores are accepted and reported in one line through {@code notices}; keys nobody knows are reported the same
 * way (not rejected: configs in the wild carry keys from older EmrEtlRunner releases).
 */
public final class ConfigReader {

    /** Keys EmrEtlRunner reads in batch mode only, or that name Snowplow's artifacts; accepted, unused. */
    static final List<String> IGNORED_IN_STREAM_MODE = List.of(
            "aws.s3.buckets.raw",
            "aws.s3.buckets.enriched.bad",
            "aws.s3.buckets.enriched.errors",
            "aws.s3.buckets.shredded.errors",
            "aws.emr.software.lingual",
            "collectors",
            "enrich.versions",
            "enrich.continue_on_unexpected_error",
            "storage.download",
            "storage.versions.rdb_loader",
            "storage.versions.rdb_shredder",
            "storage.versions.hadoop_elasticsearch");

    /** Keys read below (prefixes of free-form mappings end with a dot). */
    static final Set<String> KNOWN = Set.of(
            "aws.access_key_id", "aws.secret_access_key", "aws.s3.region",
            "aws.s3.buckets.assets", "aws.s3.buckets.jsonpath_assets", "aws.s3.buckets.log",
            "aws.s3.buckets.encrypted", "aws.s3.buckets.enriched.stream", "aws.s3.buckets.enriched.good",
            "aws.s3.buckets.enriched.archive", "aws.s3.buckets.shredded.good", "aws.s3.buckets.shredded.bad",
            "aws.s3.buckets.shredded.archive", "aws.s3.consolidate_shredded_output",
            "aws.s3.encryption.mode", "aws.s3.encryption.kms_key_id",
            "aws.emr.ami_version", "aws.emr.region", "aws.emr.jobflow_role", "aws.emr.service_role",
            "aws.emr.placement", "aws.emr.ec2_subnet_id", "aws.emr.ec2_key_name", "aws.emr.security_configuration",
            "aws.emr.bootstrap", "aws.emr.software.hbase", "aws.emr.jobflow.job_name",
            "aws.emr.jobflow.master_instance_type", "aws.emr.jobflow.core_instance_count",
            "aws.emr.jobflow.core_instance_type", "aws.emr.jobflow.core_instance_bid",
            "aws.emr.jobflow.core_instance_ebs.volume_size", "aws.emr.jobflow.core_instance_ebs.volume_type",
            "aws.emr.jobflow.core_instance_ebs.volume_iops", "aws.emr.jobflow.core_instance_ebs.ebs_optimized",
            "aws.emr.jobflow.core_instance_ebs",
            "aws.emr.jobflow.task_instance_count", "aws.emr.jobflow.task_instance_type",
            "aws.emr.jobflow.task_instance_bid", "aws.emr.bootstrap_failure_tries", "aws.emr.configuration",
            "aws.emr.additional_info", "aws.emr.software", "enrich.output_compression",
            "storage.versions.tributary", "monitoring.tags", "monitoring.logging.level",
            "monitoring.snowplow", "monitoring.snowplow.method", "monitoring.snowplow.protocol",
            "monitoring.snowplow.port", "monitoring.snowplow.app_id", "monitoring.snowplow.collector");

    private static final Set<String> FREE_FORM = Set.of("aws.emr.configuration.", "monitoring.tags.");

    private final UnaryOperator<String> env;
    private final Consumer<String> notices;

    /** {@code env} resolves ERB ENV tags (System::getenv in production); {@code notices} gets the "ignored" lines. */
    public ConfigReader(UnaryOperator<String> env, Consumer<String> notices) {
        this.env = env;
        this.notices = notices;
    }

    public TriggerConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), new ConfigProblem("(file)", "a readable file", e.getMessage()));
        }
        return parse(text, file.toString());
    }

    public TriggerConfig parse(String text, String source) {
        String rendered = ErbTemplate.render(text, env);
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            doc = new Yaml(new SafeConstructor(options)).load(rendered);
        } catch (YAMLException e) {
            throw new ConfigException(source, new ConfigProblem("(document)", "valid YAML", e.getMessage()));
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ConfigException(source, new ConfigProblem("(document)", "a YAML mapping", String.valueOf(doc)));
        }
        YamlTree tree = new YamlTree(map);
        TriggerConfig config = new TriggerConfig(aws(tree), enrich(tree), storage(tree), monitoring(tree));
        reportUnusedKeys(tree);
        if (!tree.problems().isEmpty()) {
            throw new ConfigException(source, tree.problems());
        }
        return config;
    }

    private void reportUnusedKeys(YamlTree tree) {
        List<String> ignored = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String path : tree.leafPaths()) {
            boolean known = KNOWN.contains(path) || FREE_FORM.stream().anyMatch(path::startsWith);
            if (known) {
                continue;
            }
            if (IGNORED_IN_STREAM_MODE.stream().anyMatch(k -> path.equals(k) || path.startsWith(k + "."))) {
                ignored.add(path);
            } else {
                unknown.add(path);
            }
        }
        if (!ignored.isEmpty()) {
            notices.accept("Stream Enrich mode ignores these config.yml keys: " + String.join(", ", ignored));
        }
        if (!unknown.isEmpty()) {
            notices.accept("Unknown config.yml keys, ignored: " + String.join(", ", unknown));
        }
    }

    private Aws aws(YamlTree t) {
        return new Aws(credentials(t), s3(t), emr(t));
    }

    private static AwsCredentialsSource credentials(YamlTree t) {
        String id = t.optionalString("aws.access_key_id").orElse("");
        String secret = t.optionalString("aws.secret_access_key").orElse("");
        boolean idChain = AwsCredentialsSource.meansDefaultChain(id);
        boolean secretChain = AwsCredentialsSource.meansDefaultChain(secret);
        if (idChain && secretChain) {
            return AwsCredentialsSource.defaultChain();
        }
        if (idChain != secretChain) {
            // Values are secrets: the problem says which one is missing, never what the other one is.
            String missing = idChain ? "aws.access_key_id" : "aws.secret_access_key";
            t.problem(missing, "a key, given that the other AWS key is set (or both empty/iam/env/default)", null);
            return AwsCredentialsSource.defaultChain();
        }
        return AwsCredentialsSource.staticKeys(id, secret);
    }

    private static TriggerConfig.S3 s3(YamlTree t) {
        String region = t.string("aws.s3.region");
        boolean encrypted = t.bool("aws.s3.buckets.encrypted", false);
        Enriched enriched = new Enriched(
                streamLocation(t),
                location(t, "aws.s3.buckets.enriched.good"),
                location(t, "aws.s3.buckets.enriched.archive"));
        Shredded shredded = new Shredded(
                location(t, "aws.s3.buckets.shredded.good"),
                location(t, "aws.s3.buckets.shredded.bad"),
                location(t, "aws.s3.buckets.shredded.archive"));
        Buckets buckets = new Buckets(
                location(t, "aws.s3.buckets.assets"),
                optionalLocation(t, "aws.s3.buckets.jsonpath_assets"),
                location(t, "aws.s3.buckets.log"),
                encrypted, enriched, shredded);
        return new TriggerConfig.S3(region, buckets, t.bool("aws.s3.consolidate_shredded_output", false),
                sse(t, encrypted));
    }

    private static S3Location streamLocation(YamlTree t) {
        String path = "aws.s3.buckets.enriched.stream";
        if (!t.present(path)) {
            t.problem(path, "an s3:// folder (the s3-loader's output): Tributary runs EmrEtlRunner's Stream Enrich "
                    + "mode only", t.raw(path));
            return new S3Location("invalid", "");
        }
        return location(t, path);
    }

    /** {@code encrypted: true} is SSE-S3 as in R108; the {@code aws.s3.encryption} extension can ask for SSE-KMS. */
    private static Sse sse(YamlTree t, boolean encrypted) {
        Optional<String> mode = t.optionalString("aws.s3.encryption.mode");
        Optional<String> keyId = t.optionalString("aws.s3.encryption.kms_key_id");
        if (mode.isEmpty()) {
            if (keyId.isPresent()) {
                t.problem("aws.s3.encryption.mode", "aws:kms when kms_key_id is set", null);
            }
            return encrypted ? Sse.AES256 : Sse.NONE;
        }
        Optional<Sse.Mode> parsed = Sse.Mode.parse(mode.get());
        if (parsed.isEmpty()) {
            t.problem("aws.s3.encryption.mode", "one of AES256, aws:kms, none", mode.get());
            return Sse.NONE;
        }
        if (parsed.get() == Sse.Mode.NONE && encrypted) {
            t.problem("aws.s3.encryption.mode", "AES256 or aws:kms because aws.s3.buckets.encrypted is true",
                    mode.get());
        }
        if (parsed.get() == Sse.Mode.AWS_KMS) {
            if (keyId.isEmpty()) {
                t.problem("aws.s3.encryption.kms_key_id", "a KMS key id or ARN when mode is aws:kms", null);
                return Sse.NONE;
            }
            return Sse.kms(keyId.get());
        }
        if (keyId.isPresent()) {
            t.problem("aws.s3.encryption.kms_key_id", "nothing unless mode is aws:kms", keyId.get());
        }
        return parsed.get() == Sse.Mode.AES256 ? Sse.AES256 : Sse.NONE;
    }

    private static S3Location location(YamlTree t, String path) {
        Optional<String> value = t.optionalString(path);
        if (value.isEmpty()) {
            t.problem(path, "an s3:// folder", t.raw(path));
            return new S3Location("invalid", "");
        }
        return parseLocation(t, path, value.get());
    }

    private static Optional<S3Location> optionalLocation(YamlTree t, String path) {
        return t.optionalString(path).map(v -> parseLocation(t, path, v));
    }

    private static S3Location parseLocation(YamlTree t, String path, String value) {
        return S3Location.parse(value).orElseGet(() -> {
            t.problem(path, "an s3:// folder", value);
            return new S3Location("invalid", "");
        });
    }

    private static Emr emr(YamlTree t) {
        String ami = t.string("aws.emr.ami_version");
        if (!ami.isEmpty() && !ami.matches("\\d+\\.\\d+\\.\\d+")) {
            t.problem("aws.emr.ami_version", "a release version like 5.29.0", ami);
        } else if (!ami.isEmpty() && Integer.parseInt(ami.substring(0, ami.indexOf('.'))) < 5) {
            // AMI 3.x/4.x clusters run Hadoop 2.4/Spark 1.x: the shredder (Spark 3.5) cannot run there.
            t.problem("aws.emr.ami_version", "5.0.0 or later (Spark 3 needs an emr-5/6/7 release)", ami);
        }
        Optional<String> placement = t.optionalString("aws.emr.placement");
        Optional<String> subnet = t.optionalString("aws.emr.ec2_subnet_id");
        Map<String, Map<String, String>> configuration = new LinkedHashMap<>();
        for (String classification : t.children("aws.emr.configuration")) {
            configuration.put(classification, t.stringMap("aws.emr.configuration." + classification));
        }
        int tries = t.optionalNonNegativeInt("aws.emr.bootstrap_failure_tries").orElse(1);
        if (tries == 0) {
            t.problem("aws.emr.bootstrap_failure_tries", "a positive integer", 0);
        }
        Optional<String> additionalInfo = t.optionalString("aws.emr.additional_info");
        return new Emr(ami, t.string("aws.emr.region"), t.string("aws.emr.jobflow_role"),
                t.string("aws.emr.service_role"), subnet.isPresent() ? Optional.empty() : placement, subnet,
                t.optionalString("aws.emr.ec2_key_name"), t.optionalString("aws.emr.security_configuration"),
                bootstrap(t), t.optionalString("aws.emr.software.hbase"), jobflow(t), Math.max(1, tries),
                configuration, additionalInfo);
    }

    private static List<String> bootstrap(YamlTree t) {
        List<String> scripts = t.stringList("aws.emr.bootstrap");
        for (int i = 0; i < scripts.size(); i++) {
            if (S3Location.parse(scripts.get(i)).isEmpty()) {
                t.problem("aws.emr.bootstrap[" + i + "]", "an s3:// script URL", scripts.get(i));
            }
        }
        return scripts;
    }

    private static Jobflow jobflow(YamlTree t) {
        String p = "aws.emr.jobflow.";
        int taskCount = t.optionalNonNegativeInt(p + "task_instance_count").orElse(0);
        String taskType = t.optionalString(p + "task_instance_type").orElse("");
        if (taskCount > 0 && taskType.isEmpty()) {
            t.problem(p + "task_instance_type", "an instance type when task_instance_count > 0", null);
        }
        return new Jobflow(t.string(p + "job_name"), t.string(p + "master_instance_type"),
                t.nonNegativeInt(p + "core_instance_count"), t.string(p + "core_instance_type"),
                t.optionalPositiveDecimal(p + "core_instance_bid"), ebs(t), taskCount, taskType,
                t.optionalPositiveDecimal(p + "task_instance_bid"));
    }

    private static Optional<Ebs> ebs(YamlTree t) {
        String p = "aws.emr.jobflow.core_instance_ebs";
        if (t.children(p).isEmpty()) {
            return Optional.empty();
        }
        int size = t.nonNegativeInt(p + ".volume_size");
        if (size == 0 && t.problems().stream().noneMatch(x -> x.keyPath().equals(p + ".volume_size"))) {
            t.problem(p + ".volume_size", "a size in GiB above 0", 0);
        }
        String type = t.optionalString(p + ".volume_type").orElse("gp2");
        if (!Set.of("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard").contains(type)) {
            t.problem(p + ".volume_type", "one of gp2, gp3, io1, io2, st1, sc1, standard", type);
        }
        Optional<Integer> iops = t.optionalNonNegativeInt(p + ".volume_iops");
        if (type.equals("io1") && iops.isEmpty()) {
            t.problem(p + ".volume_iops", "an IOPS number for an io1 volume", null);
        }
        // EmrEtlRunner sent IOPS only for io1 volumes; gp2 rejects it.
        Optional<Integer> usedIops = type.equals("io1") ? iops : Optional.empty();
        return Optional.of(new Ebs(size, type, usedIops, t.bool(p + ".ebs_optimized", true)));
    }

    private static Enrich enrich(YamlTree t) {
        String compression = t.optionalString("enrich.output_compression").orElse("GZIP");
        if (!compression.equalsIgnoreCase("GZIP")) {
            t.problem("enrich.output_compression", "GZIP (the only compression Stream Enrich mode supports)",
                    compression);
        }
        return new Enrich("GZIP");
    }

    private static Storage storage(YamlTree t) {
        return new Storage(t.optionalString("storage.versions.tributary"));
    }

    private static Monitoring monitoring(YamlTree t) {
        Map<String, String> tags = t.stringMap("monitoring.tags");
        Optional<String> level = t.optionalString("monitoring.logging.level");
        level.ifPresent(l -> {
            if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(l.toUpperCase())) {
                t.problem("monitoring.logging.level", "one of DEBUG, INFO, WARN, ERROR", l);
            }
        });
        Optional<SnowplowMonitoring> snowplow = Optional.empty();
        String p = "monitoring.snowplow.";
        if (t.present(p + "collector")) {
            String method = t.optionalString(p + "method").orElse("get").toLowerCase();
            if (!Set.of("get", "post").contains(method)) {
                t.problem(p + "method", "get or post", method);
            }
            String protocol = t.optionalString(p + "protocol").orElse("http").toLowerCase();
            if (!Set.of("http", "https").contains(protocol)) {
                t.problem(p + "protocol", "http or https", protocol);
            }
            int port = t.optionalNonNegativeInt(p + "port").orElse(protocol.equals("https") ? 443 : 80);
            if (port == 0 || port > 65535) {
                t.problem(p + "port", "a TCP port (1-65535)", port);
            }
            String collector = t.string(p + "collector");
            // EmrEtlRunner's emitter took a host name and built the URL from protocol and port.
            if (!collector.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
                t.problem(p + "collector", "a host name without scheme, port or path (e.g. collector.acme.com)",
                        collector);
            }
            snowplow = Optional.of(new SnowplowMonitoring(method, protocol, port,
                    t.optionalString(p + "app_id").orElse("snowplow"), collector));
        }
        return new Monitoring(tags, level, snowplow);
    }
}
