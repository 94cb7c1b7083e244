package dev.tributary.trigger.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where AWS credentials come from. Keys written in config.yml are used as given; empty values or the words
 * {@code iam}, {@code env} and {@code default} mean the SDK's default chain (environment, profile, container and
 * instance roles), which is what snowplow#2509 asked for. The secret never appears in {@link #toString()}.
 */
public final class AwsCredentialsSource {

    private static final Set<String> CHAIN_WORDS = Set.of("", "iam", "env", "default");

    private final Optional<AwsBasicCredentials> staticKeys;

    private AwsCredentialsSource(Optional<AwsBasicCredentials> staticKeys) {
        this.staticKeys = staticKeys;
    }

    public static AwsCredentialsSource defaultChain() {
        return new AwsCredentialsSource(Optional.empty());
    }

    public static AwsCredentialsSource staticKeys(String accessKeyId, String secretAccessKey) {
        return new AwsCredentialsSource(Optional.of(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    static boolean meansDefaultChain(String value) {
        return CHAIN_WORDS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    public boolean usesDefaultChain() {
        return staticKeys.isEmpty();
    }

    public AwsCredentialsProvider provider() {
        return staticKeys.<AwsCredentialsProvider>map(StaticCredentialsProvider::create)
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    @Override
    public String toString() {
        return staticKeys.map(k -> "static keys (access key id ending " + tail(k.accessKeyId()) + ")")
                .orElse("the AWS SDK default credential chain");
    }

    private static String tail(String id) {
        return id.length() <= 4 ? "****" : "..." + id.substring(id.length() - 4);
    }
}
