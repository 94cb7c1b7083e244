package dev.tributary.trigger.config;

import java.util.Optional;

/**
 * Server-side encryption for every object the batch layer writes. EmrEtlRunner knew only SSE-S3
 * ({@code aws.s3.buckets.encrypted: true}); SSE-KMS is a Tributary extension ({@code aws.s3.encryption}).
 */
public record Sse(Mode mode, Optional<String> kmsKeyId) {

    public static final Sse NONE = new Sse(Mode.NONE, Optional.empty());
    public static final Sse AES256 = new Sse(Mode.AES256, Optional.empty());

    public static Sse kms(String keyId) {
        return new Sse(Mode.AWS_KMS, Optional.of(keyId));
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    public enum Mode {
        NONE("none"), AES256("AES256"), AWS_KMS("aws:kms");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        /** The value S3 uses in {@code x-amz-server-side-encryption}, and the shredder's {@code --sse} value. */
        public String value() {
            return value;
        }

        public static Optional<Mode> parse(String s) {
            for (Mode m : values()) {
                if (m.value.equalsIgnoreCase(s.trim())) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }
}
