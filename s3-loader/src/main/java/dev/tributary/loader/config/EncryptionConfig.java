package dev.tributary.loader.config;

import dev.tributary.runtime.config.Secrets;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side encryption set on every write. {@link #toString()} never shows the SSE-C customer key. {@code mode} is {@code none}, {@code AES256} (SSE-S3), {@code aws:kms}
 * (SSE-KMS with {@code kmsKeyId}, optional context and bucket key) or {@code SSE-C} (customer key, base64 of 32
 * bytes).
 */
public record EncryptionConfig(
        Mode mode,
        Optional<String> kmsKeyId,
        Map<String, String> kmsContext,
        boolean bucketKeyEnabled,
        Optional<String> customerKey) {

    public EncryptionConfig {
        kmsContext = Map.copyOf(kmsContext);
    }

    @Override
    public String toString() {
        return "EncryptionConfig[mode=" + mode.configValue() + ", kmsKeyId=" + kmsKeyId.orElse("")
                + ", kmsContext=" + kmsContext + ", bucketKeyEnabled=" + bucketKeyEnabled + ", customerKey="
                + customerKey.map(k -> Secrets.MASK).orElse("") + "]";
    }

    public static EncryptionConfig none() {
        return new EncryptionConfig(Mode.NONE, Optional.empty(), Map.of(), false, Optional.empty());
    }

    public static EncryptionConfig sseS3() {
        return new EncryptionConfig(Mode.AES256, Optional.empty(), Map.of(), false, Optional.empty());
    }

    public static EncryptionConfig kms(String keyId) {
        return new EncryptionConfig(Mode.AWS_KMS, Optional.of(keyId), Map.of(), false, Optional.empty());
    }

    public enum Mode {
        NONE("none"), AES256("AES256"), AWS_KMS("aws:kms"), SSE_C("SSE-C");

        private final String configValue;

        Mode(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        public static Optional<Mode> parse(String value) {
            for (Mode mode : values()) {
                if (mode.configValue.equalsIgnoreCase(value)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }
}
