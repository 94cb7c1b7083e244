package dev.tributary.loader.testing;

import dev.tributary.loader.key.OffsetRange;
import java.util.List;

/** An object read back from S3: its key, the offsets its name claims, and its gunzipped lines. */
public record StoredObject(String key, String topic, int partition, OffsetRange range, List<String> lines) {
}
