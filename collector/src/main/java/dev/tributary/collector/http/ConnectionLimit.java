package dev.tributary.collector.http;

import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.metrics.Limit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the open connections. A connection beyond the cap is answered {@code 503} with {@code Retry-After} before
 * it is read (the HTTP codec never sees it, so it costs no request buffers) and is closed. First in every
 * pipeline; shared by all connections.
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("collector.refused");
    /**
     * How long a refused connection stays half-open after the answer. Closing at once, with the client's request
     * still unread in the socket buffer, makes the kernel send a reset that can destroy the 503 before the
     * client reads it.
     */
    private static final Duration LINGER = Duration.ofSeconds(1);

    private final int maxConnections;
    private final byte[] refusal;
    private final long lingerMillis;
    private final CollectorMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionLimit(int maxConnections, Duration retryAfter, Duration readTimeout, CollectorMetrics metrics) {
        this.maxConnections = maxConnections;
        this.metrics = metrics;
        this.lingerMillis = Math.min(LINGER.toMillis(), readTimeout.toMillis());
        String body = "Service Unavailable: too many connections, retry later";
        this.refusal = ("HTTP/1.1 503 Service Unavailable\r\n"
                + "Retry-After: " + retryAfter.toSeconds() + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Connections currently counted against the cap. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() <= maxConnections) {
            ctx.fireChannelActive();
            return;
        }
        open.decrementAndGet();
        ctx.channel().attr(REFUSED).set(Boolean.TRUE);
        metrics.limitHit(Limit.CONNECTIONS);
        ByteBuf answer = Unpooled.wrappedBuffer(refusal);
        ctx.writeAndFlush(answer).addListener(f -> {
            if (ctx.channel() instanceof SocketChannel socket) {
                socket.shutdownOutput();
            }
            ctx.executor().schedule(() -> ctx.close(), lingerMillis, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!refused(ctx)) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused(ctx)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (refused(ctx)) {
            ReferenceCountUtil.release(event);
            if (event instanceof ChannelInputShutdownEvent) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (refused(ctx)) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private static boolean refused(ChannelHandlerContext ctx) {
        return Boolean.TRUE.equals(ctx.channel().attr(REFUSED).get());
    }
}
