package dev.tributary.trigger.local;

import dev.tributary.trigger.config.Sse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One shredder invocation, rendered as the shredder's CLI:
 * {@code --input --output --bad-output --iglu-config <base64 resolver JSON> --sse AES256|aws:kms|none
 * [--sse-kms-key-id K] --run-id <id>}. Folders are {@code s3a://} URLs (Hadoop's S3 file system) locally.
 */
public record ShredRequest(String input, String output, String badOutput, String resolverJson, Sse sse,
                           String runId) {

    public List<String> args() {
        List<String> args = new ArrayList<>(List.of(
                "--input", input,
                "--output", output,
                "--bad-output", badOutput,
                "--iglu-config", Base64.getEncoder().encodeToString(resolverJson.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)),
                "--sse", sse.mode().value()));
        sse.kmsKeyId().ifPresent(k -> args.addAll(List.of("--sse-kms-key-id", k)));
        args.addAll(List.of("--run-id", runId));
        return args;
    }
}
