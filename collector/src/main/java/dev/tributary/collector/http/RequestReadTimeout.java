package dev.tributary.collector.http;

import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.metrics.Limit;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request has not fully arrived (headers and body) within the timeout of its first
 * byte. An idle-state timer cannot catch a client that trickles one byte at a time, as every byte resets it.
 *
 * <p>One instance per connection with two handlers around the HTTP codec: {@link #firstByte()} before it (it
 * sees raw bytes, so it starts the clock while the headers are still incomplete) and {@link #lastByte()}
 * after it (the codec reports the end of the request). Time between requests on a keep-alive connection is
 * left to {@code networking.idle-timeout}. So is one gap: the start of a pipelined request that arrived in the
 * same read as the end of the previous one is not timed until its next bytes arrive; a client that stops there
 * is closed by the idle timeout.
 */
public final class RequestReadTimeout {

    private static final Logger LOG = LoggerFactory.getLogger(RequestReadTimeout.class);

    private final long timeoutNanos;
    private final CollectorMetrics metrics;
    private ScheduledFuture<?> deadline;

    public RequestReadTimeout(Duration timeout, CollectorMetrics metrics) {
        this.timeoutNanos = timeout.toNanos();
        this.metrics = metrics;
    }

    /** Goes before the HTTP codec. */
    public ChannelHandler firstByte() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    deadline = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    /** Goes right after the HTTP codec. */
    public ChannelHandler lastByte() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    cancel();
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    private void expire(ChannelHandlerContext ctx) {
        deadline = null;
        if (ctx.channel().isActive()) {
            metrics.limitHit(Limit.READ_TIMEOUT);
            LOG.debug("request read timeout");
            ctx.close();
        }
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
