package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.collector.http.CollectorHandler;
import dev.tributary.collector.http.ConnectionLimit;
import dev.tributary.collector.http.RequestReadTimeout;
import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.sink.KafkaSink;
import dev.tributary.schemas.badrows.Processor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector: Netty HTTP server, Kafka sink and metrics. {@link #start} returns once the port is
 * bound; {@link #close} shuts down gracefully (stop accepting, answer in-flight requests, flush Kafka).
 *
 * <pre>{@code
 * try (CollectorServer collector = CollectorServer.start(CollectorConfig.fromMap(Map.of(
 *         "collector.port", 0,
 *         "collector.sink.bootstrap-servers", kafka.bootstrapServers(),
 *         "collector.sink.schema-registry-url", registry.url())))) {
 *     http.send(GET(collector.url() + "/i?e=pv&p=web&tv=js-3.0.0"));
 * }
 * }</pre>
 */
public final class CollectorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    /** {@code tributary-collector}, and the version from the build. */
    public static final String ARTIFACT = "tributary-collector";
    public static final String VERSION = readVersion();

    private final CollectorConfig config;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final KafkaSink sink;
    private final CollectorHandler handler;
    private final CollectorMetrics metrics;
    private final ConnectionLimit connectionLimit;
    private boolean closed;

    private CollectorServer(CollectorConfig config, EventLoopGroup acceptors, EventLoopGroup workers,
                            Channel serverChannel, ChannelGroup connections, KafkaSink sink,
                            CollectorHandler handler, CollectorMetrics metrics, ConnectionLimit connectionLimit) {
        this.config = config;
        this.acceptors = acceptors;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.sink = sink;
        this.handler = handler;
        this.metrics = metrics;
        this.connectionLimit = connectionLimit;
    }

    public static CollectorServer start(CollectorConfig config) {
        CollectorMetrics metrics = new CollectorMetrics();
        KafkaSink sink = new KafkaSink(config.sink(), config.networking().maxPayloadSize(),
                new Processor(ARTIFACT, VERSION), metrics);
        metrics.bindSink(sink);
        CollectorHandler handler = new CollectorHandler(config, sink, metrics, ARTIFACT + "-" + VERSION + "-kafka");
        metrics.bindInFlight(handler::inFlight);
        metrics.bindSinkBuffer(sink::bufferedBytes, sink.maxBufferedBytes());
        CollectorConfig.Networking net = config.networking();
        ConnectionLimit connectionLimit = new ConnectionLimit(net.maxConnections(), config.sink().retryAfter(),
                net.requestReadTimeout(), metrics);
        metrics.bindConnections(connectionLimit::open);
        warnIfAggregationCanExceedHeap(net);

        EventLoopGroup acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(config.networking().ioThreads(),
                NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup("collector-connections", GlobalEventExecutor.INSTANCE);
        try {
            Channel channel = new ServerBootstrap()
                    .group(acceptors, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    // A client may half-close after its request and still expect the answer.
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            RequestReadTimeout readTimeout = new RequestReadTimeout(net.requestReadTimeout(), metrics);
                            ch.pipeline()
                                    .addLast(connectionLimit)
                                    .addLast(readTimeout.firstByte())
                                    .addLast(new IdleStateHandler(0, 0, net.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                    .addLast(new HttpServerCodec(net.maxInitialLineLength(), net.maxHeaderSize(), 8192))
                                    .addLast(readTimeout.lastByte())
                                    .addLast(new DropLimit(net.dropPayloadSize(), metrics))
                                    .addLast(handler);
                        }
                    })
                    .bind(config.host(), config.port())
                    .syncUninterruptibly()
                    .channel();
            CollectorServer server = new CollectorServer(config, acceptors, workers, channel, connections, sink,
                    handler, metrics, connectionLimit);
            LOG.info("event=collector_started interface={} port={} raw_topic={} bad_topic={} max_connections={}"
                            + " max_buffered_bytes={}", config.host(), server.port(), config.sink().goodTopic(),
                    config.sink().badTopic(), net.maxConnections(), sink.maxBufferedBytes());
            return server;
        } catch (RuntimeException e) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            sink.close(Duration.ofSeconds(1));
            metrics.close();
            throw new IllegalStateException("collector could not listen on " + config.host() + ":" + config.port(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port();
    }

    public boolean sinkHealthy() {
        return sink.healthy();
    }

    /** Connections counted against {@code networking.max-connections}. */
    public int openConnections() {
        return connectionLimit.open();
    }

    /** Bytes of accepted requests waiting for Kafka; never above {@code sink.max-buffered-bytes}. */
    public long bufferedBytes() {
        return sink.bufferedBytes();
    }

    public CollectorConfig config() {
        return config;
    }

    /**
     * Stops accepting connections, waits up to {@code shutdown-grace-period} for requests already waiting on
     * Kafka to be answered, flushes the producer and releases every thread.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Duration grace = config.shutdownGracePeriod();
        serverChannel.close().syncUninterruptibly();
        long deadline = System.nanoTime() + grace.toNanos();
        while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unanswered = handler.inFlight();
        connections.close().awaitUninterruptibly(grace.toMillis());
        sink.close(grace);
        acceptors.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS).syncUninterruptibly();
        metrics.close();
        LOG.info("event=collector_stopped unanswered_requests={}", unanswered);
    }

    /**
     * Request bodies are aggregated in memory before the sink's byte budget applies, so the connection cap
     * times the drop limit is the other bound on request memory; say so when it exceeds half the heap.
     */
    private static void warnIfAggregationCanExceedHeap(CollectorConfig.Networking net) {
        long worstCase = (long) net.maxConnections() * (net.dropPayloadSize() + net.maxHeaderSize());
        long heap = Runtime.getRuntime().maxMemory();
        if (worstCase > heap / 2) {
            LOG.warn("event=request_memory_unbounded_by_heap max_connections={} drop_payload_size={} heap_bytes={}"
                            + " message=\"max-connections x drop-payload-size exceeds half the heap; lower one of them"
                            + " or raise -Xmx\"", net.maxConnections(), net.dropPayloadSize(), heap);
        }
    }

    /** Bodies above the drop limit get 413 and are never recorded; counted like every other response. */
    private static final class DropLimit extends HttpObjectAggregator {
        private final CollectorMetrics metrics;

        DropLimit(int maxContentLength, CollectorMetrics metrics) {
            super(maxContentLength, true);
            this.metrics = metrics;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
            metrics.request("oversized", "POST", 413, Duration.ZERO);
            super.handleOversizedMessage(ctx, oversized);
        }
    }

    private static String readVersion() {
        try (InputStream in = CollectorServer.class.getResourceAsStream("/collector-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "0.0.0");
            return v.startsWith("${") ? "0.0.0" : v;
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
