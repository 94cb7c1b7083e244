package dev.tributary.trigger.events;

import com.snowplowanalytics.snowplow.tracker.constants.Constants;
import com.snowplowanalytics.snowplow.tracker.emitter.Emitter;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import com.snowplowanalytics.snowplow.tracker.payload.TrackerPayload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each event as soon as it is tracked, one request per event, by GET ({@code /i?...}) or POST
 * ({@code /com.snowplowanalytics.snowplow/tp2}), as EmrEtlRunner's emitter did with {@code buffer_size: 0}.
 * The tracker's own BatchEmitter only POSTs (EmrEtlRunner's default is GET) and retries without end, hence this one.
 *
 * <p>Never in the run's way: requests go out on one daemon thread with a queue of {@value #QUEUE}; each request has
 * a deadline; the first failure is logged once and drops the rest of the run's events (an unreachable collector then
 * costs one deadline, not one per event); {@link #close} waits for what is queued at most one deadline more.
 */
final class DirectEmitter implements Emitter {

    private static final Logger LOG = LoggerFactory.getLogger(DirectEmitter.class);
    static final int QUEUE = 8;

    private final JdkHttpAdapter http;
    private final boolean get;
    private final Duration timeout;
    private final ThreadPoolExecutor sender;
    private final AtomicBoolean broken = new AtomicBoolean();

    DirectEmitter(JdkHttpAdapter http, boolean get, Duration timeout) {
        this.http = http;
        this.get = get;
        this.timeout = timeout;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "monitoring-events");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean add(TrackerPayload payload) {
        if (broken.get()) {
            return false;
        }
        try {
            sender.execute(() -> send(payload));
            return true;
        } catch (RejectedExecutionException e) {
            giveUp("queue full or emitter closed");
            return false;
        }
    }

    private void send(TrackerPayload payload) {
        if (broken.get()) {
            return;
        }
        payload.add("stm", Long.toString(System.currentTimeMillis()));
        int status = get ? http.get(payload)
                : http.post(new SelfDescribingJson(Constants.SCHEMA_PAYLOAD_DATA, List.of(payload.getMap())));
        if (status < 200 || status >= 300) {
            giveUp(status < 0 ? http.lastFailure() : "HTTP " + status);
        }
    }

    private void giveUp(String reason) {
        if (broken.compareAndSet(false, true)) {
            LOG.atWarn().addKeyValue("collector", http.getUrl()).addKeyValue("reason", reason)
                    .log("monitoring event not sent; the run's remaining monitoring events are dropped");
        }
    }

    /** True once an event could not be sent. */
    boolean broken() {
        return broken.get();
    }

    @Override
    public void flushBuffer() {
        // Nothing is buffered: every event is handed to the sender when tracked.
    }

    @Override
    public List<TrackerPayload> getBuffer() {
        return List.of();
    }

    @Override
    public void setBatchSize(int batchSize) {
        // One request per event.
    }

    @Override
    public int getBatchSize() {
        return 1;
    }

    /** Lets queued events go out for at most one deadline, then abandons them. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
                giveUp("still sending after " + timeout.toMillis() + " ms at the end of the run");
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
