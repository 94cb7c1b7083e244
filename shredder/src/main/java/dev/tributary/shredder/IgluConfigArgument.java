package dev.tributary.shredder;

import dev.tributary.schemas.iglu.ResolverConfig;
import dev.tributary.schemas.iglu.ResolverConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads {@code --iglu-config} the ways it arrives: base64 of the resolver JSON (how EmrEtlRunner passes it to
 * the Spark step), a path to the file, or the JSON itself. The result is checked with {@link ResolverConfig} so
 * a broken configuration fails the job at start, naming the key.
 */
public final class IgluConfigArgument {

    private IgluConfigArgument() {
    }

    public static String resolve(String value) {
        String json = decode(value.strip());
        try {
            ResolverConfig.parse(json);
        } catch (ResolverConfigException e) {
            throw new IllegalArgumentException("--iglu-config: " + e.getMessage(), e);
        }
        return json;
    }

    private static String decode(String value) {
        if (value.startsWith("{")) {
            return value;
        }
        Path path = Path.of(value.startsWith("file:") ? value.substring("file:".length()) : value);
        if (!value.isEmpty() && value.length() < 4096 && Files.isRegularFile(path)) {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("--iglu-config: cannot read " + path, e);
            }
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            if (decoded.strip().startsWith("{")) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // not base64: fall through to the error below
        }
        throw new IllegalArgumentException("--iglu-config must be resolver JSON, its base64, or a file path");
    }
}
