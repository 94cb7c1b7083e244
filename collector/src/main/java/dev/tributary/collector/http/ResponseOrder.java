package dev.tributary.collector.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 pipelining on one connection: responses must leave in request order even though the sink
 * acknowledges requests out of order, so each response waits for the previous one. Touched only on the
 * connection's event loop.
 */
final class ResponseOrder {

    private static final AttributeKey<ResponseOrder> KEY = AttributeKey.valueOf("collector.connection");

    /** A request's place in line: the previous response's completion, and this one's. */
    record Turn(CompletableFuture<Void> previous, CompletableFuture<Void> mine) {
    }

    /** Completes when the last response so far has been written. */
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    /** Requests read and not yet answered. */
    private int waiting;
    /** A 503-and-close was queued: later requests on this connection are ignored. */
    private boolean refusing;

    static ResponseOrder of(ChannelHandlerContext ctx) {
        ResponseOrder c = ctx.channel().attr(KEY).get();
        if (c == null) {
            c = new ResponseOrder();
            ctx.channel().attr(KEY).set(c);
        }
        return c;
    }

    Turn next() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        Turn turn = new Turn(last, mine);
        last = mine;
        waiting++;
        // Completed on the event loop, right after the response is written.
        mine.whenComplete((ignored, e) -> waiting--);
        return turn;
    }

    int waiting() {
        return waiting;
    }

    boolean refusing() {
        return refusing;
    }

    void refuse() {
        refusing = true;
    }

    /** Completes once every response queued so far has been written. */
    CompletableFuture<Void> drained() {
        return last;
    }
}
