package dev.tributary.shredder;

import java.util.Map;
import java.util.Objects;

/**
 * The server-side encryption every object the shredder writes to {@code s3a://} must carry. Always named
 * explicitly in the job's Hadoop configuration, never left to a bucket default: S3A then sends the headers with
 * every PUT, multipart upload and copy (the bad-rows move is a copy on S3).
 */
public record Encryption(Mode mode, String kmsKeyId) {

    public enum Mode {
        /** SSE-S3; S3A (3.3.4 and 3.4) names it AES256 ("SSE-S3" is refused: "Unknown encryption algorithm"). */
        AES256("AES256", "AES256"),
        /** SSE-KMS with the given key id or ARN. */
        KMS("aws:kms", "SSE-KMS"),
        /** No encryption header (the bucket's own policy applies). */
        NONE("none", "");

        private final String option;
        private final String s3aAlgorithm;

        Mode(String option, String s3aAlgorithm) {
            this.option = option;
            this.s3aAlgorithm = s3aAlgorithm;
        }

        public String option() {
            return option;
        }

        public static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.option.equalsIgnoreCase(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--sse must be AES256, aws:kms or none, got '" + text + "'");
        }
    }

    public Encryption {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.KMS && (kmsKeyId == null || kmsKeyId.isBlank())) {
            throw new IllegalArgumentException("--sse aws:kms needs --sse-kms-key-id");
        }
        if (mode != Mode.KMS && kmsKeyId != null) {
            throw new IllegalArgumentException("--sse-kms-key-id is only valid with --sse aws:kms");
        }
    }

    public static Encryption none() {
        return new Encryption(Mode.NONE, null);
    }

    /**
     * The Hadoop settings: {@code fs.s3a.encryption.algorithm}/{@code .key} (Hadoop 3.3.2+), and the names they
     * replaced, which older S3A releases still read, so the job encrypts whichever S3A the cluster runs.
     */
    public Map<String, String> hadoopSettings() {
        String key = mode == Mode.KMS ? kmsKeyId : "";
        return Map.of(
                "fs.s3a.encryption.algorithm", mode.s3aAlgorithm,
                "fs.s3a.encryption.key", key,
                "fs.s3a.server-side-encryption-algorithm", mode.s3aAlgorithm,
                "fs.s3a.server-side-encryption.key", key);
    }

    /** For logs: the mode and whether a key is set, never the key itself. */
    @Override
    public String toString() {
        return mode == Mode.KMS ? "SSE-KMS (key id set)" : mode == Mode.AES256 ? "SSE-S3" : "none";
    }
}
