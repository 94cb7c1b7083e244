package dev.tributary.shredder;

import dev.tributary.schemas.badrows.Processor;
import dev.tributary.schemas.shredding.ShreddedLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shredder's one entry point: {@code spark-submit --class dev.tributary.shredder.ShredderMain shredder.jar
 * --input ... --output ... --bad-output ...}. Runs unchanged on YARN (EMR) and with {@code --master local[*]};
 * started without spark-submit it uses {@code local[*]}.
 *
 * <p>Exit codes: 0 shredded (or already shredded), 1 the job failed, 2 bad arguments.
 */
@Command(name = "tributary-shredder", mixinStandardHelpOptions = true, versionProvider = ShredderMain.Version.class,
        description = "Shreds a run folder of enriched events into atomic events and entity types.")
public final class ShredderMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ShredderMain.class);
    private static final Pattern RUN_IN_PATH = Pattern.compile(".*run=(" + ShreddedLayout.RUN_ID.pattern() + ")/*");

    static final String BUNDLED_RESOLVER = """
            {"schema":"iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-3",
             "data":{"cacheSize":500,"cacheTtl":null,"repositories":[{"name":"Tributary bundled","priority":0,
             "vendorPrefixes":[],"connection":{"embedded":{"path":"classpath:/iglu"}}}]}}""";

    @Option(names = "--input", required = true, description = "enriched run folder (file:, hdfs:, s3a:)")
    String input;

    @Option(names = {"--output", "--output-folder"}, required = true,
            description = "shredded.good root; the run goes to <output>/run=<run-id>")
    String output;

    @Option(names = {"--bad-output", "--bad-folder"}, required = true,
            description = "shredded.bad root; bad rows go to <bad-output>/run=<run-id>")
    String badOutput;

    @Option(names = "--run-id", description = "yyyy-MM-dd-HH-mm-ss; default: the run=<id> of --input")
    String runId;

    @Option(names = "--iglu-config", description = "resolver JSON, its base64 (as EmrEtlRunner passes it) or a "
            + "file; default: the schemas bundled with Tributary")
    String igluConfig;

    @Option(names = "--sse", defaultValue = "none", description = "AES256 (SSE-S3), aws:kms (SSE-KMS) or none")
    String sse;

    @Option(names = "--sse-kms-key-id", description = "KMS key id or ARN for --sse aws:kms")
    String kmsKeyId;

    @Option(names = "--output-mode", defaultValue = "shred", description = "shred or widerow")
    String outputMode;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> environment) {
        ShredderMain command = new ShredderMain();
        CommandLine cli = new CommandLine(command);
        cli.setExecutionStrategy(parsed -> {
            ShredderConfig config;
            try {
                config = command.config();
            } catch (IllegalArgumentException e) {
                cli.getErr().println("tributary-shredder: " + e.getMessage());
                return 2;
            }
            return command.shred(config, environment);
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("run through run(args, environment)");
    }

    ShredderConfig config() {
        String id = runId != null ? runId : runIdOf(input);
        return new ShredderConfig(input, output, badOutput, id,
                igluConfig == null ? BUNDLED_RESOLVER : IgluConfigArgument.resolve(igluConfig),
                new Encryption(Encryption.Mode.parse(sse), kmsKeyId), ShredderConfig.OutputMode.parse(outputMode),
                new Processor("tributary-shredder", Version.number()));
    }

    private static String runIdOf(String input) {
        Matcher m = RUN_IN_PATH.matcher(input);
        if (!m.matches()) {
            throw new IllegalArgumentException("--run-id is required when --input does not end in run=<id>/");
        }
        return m.group(1);
    }

    private int shred(ShredderConfig config, Map<String, String> environment) {
        SparkConf conf = new SparkConf().setAppName("tributary-shredder " + config.runId());
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            configureHadoop(spark.sparkContext().hadoopConfiguration(), config.encryption(), environment);
            ShredJob.Result result = new ShredJob(spark, config, Clock.systemUTC()).run();
            LOG.info(result.alreadyShredded() ? "run {} was already shredded" : "run {} shredded", config.runId());
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.error("shredding run {} failed: {}", config.runId(), e.toString(), e);
            return 1;
        } finally {
            spark.stop();
        }
    }

    /** The S3A settings every write needs: the endpoint from the AWS variables and the encryption, by name. */
    public static void configureHadoop(Configuration hadoop, Encryption encryption, Map<String, String> environment) {
        S3aEndpoint.hadoopSettings(environment).forEach(hadoop::set);
        encryption.hadoopSettings().forEach(hadoop::set);
    }

    /** The version from the jar's build. */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            try (InputStream in = ShredderMain.class.getResourceAsStream("/tributary-shredder.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                return p.getProperty("version", "0.1.0");
            } catch (IOException e) {
                return "0.1.0";
            }
        }

        @Override
        public String[] getVersion() {
            return new String[] {"tributary-shredder " + number()};
        }
    }
}
