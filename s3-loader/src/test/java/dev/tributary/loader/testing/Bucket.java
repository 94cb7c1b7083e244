package dev.tributary.loader.testing;

import dev.tributary.loader.key.OffsetRange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads what the loader wrote under a prefix, independently of the loader's own key code. */
public final class Bucket {

    private static final Pattern FILE = Pattern.compile("(.+)-(\\d+)-(\\d+)-(\\d+)\\.gz");

    private Bucket() {
    }

    public static List<StoredObject> objects(S3Client s3, String prefix) {
        List<StoredObject> out = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(SharedInfra.BUCKET).prefix(prefix + "/")
                .build();
        for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
            if (o.key().contains("_tributary_probe")) {
                continue;
            }
            String file = o.key().substring(o.key().lastIndexOf('/') + 1);
            Matcher m = FILE.matcher(file);
            if (!m.matches()) {
                throw new AssertionError("unexpected object " + o.key());
            }
            byte[] gz = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(SharedInfra.BUCKET).key(o.key()).build())
                    .asByteArray();
            out.add(new StoredObject(o.key(), m.group(1), Integer.parseInt(m.group(2)),
                    new OffsetRange(Long.parseLong(m.group(3)), Long.parseLong(m.group(4))), gunzipLines(gz)));
        }
        return out;
    }

    public static List<String> gunzipLines(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                throw new AssertionError("object does not end with a newline");
            }
            return Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> allLines(List<StoredObject> objects) {
        return objects.stream().flatMap(o -> o.lines().stream()).toList();
    }
}
