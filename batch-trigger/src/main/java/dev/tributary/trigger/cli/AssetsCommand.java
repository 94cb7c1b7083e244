package dev.tributary.trigger.cli;

import dev.tributary.trigger.config.ConfigException;
import dev.tributary.trigger.config.ConfigReader;
import dev.tributary.trigger.config.TriggerConfig;
import dev.tributary.trigger.emr.AssetJars;
import dev.tributary.trigger.s3.S3ClientFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** {@code assets upload}: puts the shredder and loader jars where the EMR steps look for them. */
@Command(name = "assets", mixinStandardHelpOptions = true, description = "Manage the jars under aws.s3.buckets.assets.",
        subcommands = AssetsCommand.Upload.class)
public final class AssetsCommand implements Runnable {

    @ParentCommand
    TriggerCli parent;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(parent.environment.err());
    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Upload the shredder and warehouse-loader jars to aws.s3.buckets.assets.")
    static final class Upload implements Callable<Integer> {
        @ParentCommand
        AssetsCommand assets;

        @Option(names = {"-c", "--config"}, required = true)
        Path config;

        @Option(names = "--shredder-jar", required = true)
        Path shredderJar;

        @Option(names = "--loader-jar", required = true)
        Path loaderJar;

        @Override
        public Integer call() {
            CliEnvironment env = assets.parent.environment;
            TriggerConfig c;
            try {
                c = new ConfigReader(env.env(), line -> { }).read(config);
            } catch (ConfigException e) {
                env.err().println(e.getMessage());
                return 1;
            }
            AssetJars jars = new AssetJars(c.aws().s3().buckets().assets(),
                    c.storage().tributaryVersion().orElse(TriggerCli.VERSION));
            try (S3Client s3 = S3ClientFactory.create(c.aws().s3().region(), c.aws().credentials())) {
                put(s3, c, shredderJar, jars.assets().bucket(), jars.shredderKey());
                put(s3, c, loaderJar, jars.assets().bucket(), jars.loaderKey());
            }
            env.out().println("uploaded " + jars.shredderJar() + " and " + jars.loaderJar());
            return 0;
        }

        private static void put(S3Client s3, TriggerConfig c, Path file, String bucket, String key) {
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key);
            switch (c.aws().s3().sse().mode()) {
                case AES256 -> put.serverSideEncryption(ServerSideEncryption.AES256);
                case AWS_KMS -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(c.aws().s3().sse().kmsKeyId().orElseThrow());
                case NONE -> { }
            }
            s3.putObject(put.build(), RequestBody.fromFile(file));
        }
    }
}
