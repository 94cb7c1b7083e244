package dev.tributary.loader.consume;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Points where tests inject failures. A hook that throws stops the loader the way a crash would: no flush, no
 * commit.
 */
public interface LoaderHooks {

    /** Called after the objects covering {@code offsets} are stored and before they are committed. */
    default void beforeCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    LoaderHooks NONE = new LoaderHooks() {
    };
}
