package dev.tributary.schemas.iglu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A bounded least-recently-used cache whose entries expire after a time to live chosen per entry.
 * Thread-safe. The loader runs outside the lock so that a slow HTTP lookup for one key does not block
 * readers of other keys; two threads missing the same key at once may both load it, and the last one wins,
 * which is harmless for schema lookups.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final int maxSize;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;

    /** @param maxSize entries kept; 0 disables caching (every get loads). */
    public TtlCache(int maxSize, Clock clock) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be >= 0, got " + maxSize);
        }
        this.maxSize = maxSize;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.maxSize;
            }
        };
    }

    /**
     * Returns the cached value, or loads it and keeps it for {@code ttlOf(value)} ({@code null} = until evicted).
     */
    public V get(K key, Function<K, V> loader, Function<V, Duration> ttlOf) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry<V> hit = entries.get(key);
            if (hit != null) {
                if (hit.expiresAt() == null || now.isBefore(hit.expiresAt())) {
                    return hit.value();
                }
                entries.remove(key);
            }
        }
        V value = loader.apply(key);
        if (maxSize > 0) {
            Duration ttl = ttlOf.apply(value);
            Instant expiresAt = ttl == null ? null : clock.instant().plus(ttl);
            synchronized (entries) {
                entries.put(key, new Entry<>(value, expiresAt));
            }
        }
        return value;
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
