package dev.tributary.collector;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.collector.http.CollectorHandler;
import dev.tributary.collector.http.ConnectionLimit;
import dev.tributary.collector.http.RequestReadTimeout;
import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.sink.KafkaSink;
import dev.tributary.collector.sink.Sink;
import dev.tributary.runtime.Version;
import dev.tributary.runtime.monitoring.HealthRegistry;
import dev.tributary.runtime.monitoring.HealthStatus;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
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
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running collector: Netty HTTP server, Kafka sink and metrics. {@link #start} returns once the port is
 * bound; {@link #close} shuts down gracefully (stop accepting, answer in-flight requests, flush Kafka).
 * {@code /health}, {@code /ready} and {@code /metrics} are the service runtime's answers, served on the tracker
 * port; readiness is the {@code kafka-sink} check.
 *
 * <pre>{@code
 * CollectorConfig config = CollectorConfig.from(ConfigLoader.forService("collector", "collector")
 *         .environment(Map.of())
 *         .overrides(Map.of("collector.port", 0,
 *                 "collector.sink.bootstrap-servers", kafka.bootstrapServers(),
 *                 "collector.sink.schema-registry-url", registry.url()))
 *         .load().requireKnownKeys().typed());
 * try (CollectorServer collector = CollectorServer.start(config)) {
 *     http.send(GET(collector.url() + "/i?e=pv&p=web&tv=js-3.0.0"));
 * }
 * }</pre>
 */
public final class CollectorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorServer.class);

    /** {@code tributary-collector}, and the version from the build. */
    public static final String ARTIFACT = "tributary-collector";
    public static final String VERSION = Version.of(CollectorServer.class);

    private final CollectorConfig config;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final Sink sink;
    private final CollectorHandler handler;
    private final CollectorMetrics metrics;
    private final ConnectionLimit connectionLimit;
    private final Runnable afterClose;
    private boolean closed;

    private CollectorServer(CollectorConfig config, EventLoopGroup acceptors, EventLoopGroup workers,
                            Channel serverChannel, ChannelGroup connections, Sink sink,
                            CollectorHandler handler, CollectorMetrics metrics, ConnectionLimit connectionLimit,
                            Runnable afterClose) {
        this.config = config;
        this.acceptors = acceptors;
        this.workers = workers;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.sink = sink;
        this.handler = handler;
        this.metrics = metrics;
        this.connectionLimit = connectionLimit;
        this.afterClose = afterClose;
    }

    /**
     * For embedding (tests, local-stack): its own meter and health registries, closed with the server. The
     * process's collector is started by {@link CollectorService} with the runtime's.
     */
    public static CollectorServer start(CollectorConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HealthRegistry health = new HealthRegistry();
        return start(config, registry, health, new MonitoringEndpoints(registry, health), registry::close);
    }

    /**
     * @param registry  where the collector's meters go; served on {@code /metrics}
     * @param health    gains the {@code kafka-sink} readiness check
     * @param endpoints the {@code /health}, {@code /ready}, {@code /metrics} answers served on the tracker port
     * @param afterClose run at the end of {@link #close()} (releases what the caller created for this server)
     */
    public static CollectorServer start(CollectorConfig config, PrometheusMeterRegistry registry, HealthRegistry health,
                                        MonitoringEndpoints endpoints, Runnable afterClose) {
        CollectorMetrics metrics = new CollectorMetrics(registry);
        KafkaSink sink = new KafkaSink(config.sink(), config.networking().maxPayloadSize(),
                new Processor(ARTIFACT, VERSION), metrics);
        metrics.bindSink(sink);
        metrics.bindProducer(sink.producer());
        health.readiness("kafka-sink", () -> sink.healthy() ? HealthStatus.healthy()
                : HealthStatus.unhealthy("the last write was not acknowledged"));
        CollectorHandler handler = new CollectorHandler(config, sink, metrics, endpoints,
                ARTIFACT + "-" + VERSION + "-kafka");
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
                    handler, metrics, connectionLimit, afterClose);
            LOG.atInfo().addKeyValue("interface", config.host()).addKeyValue("port", server.port())
                    .addKeyValue("raw_topic", config.sink().goodTopic()).addKeyValue("bad_topic", config.sink().badTopic())
                    .addKeyValue("max_connections", net.maxConnections())
                    .addKeyValue("max_buffered_bytes", sink.maxBufferedBytes()).log("collector started");
            return server;
        } catch (RuntimeException e) {
            acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            sink.close(Duration.ofSeconds(1));
            metrics.close();
            afterClose.run();
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
        afterClose.run();
        LOG.atInfo().addKeyValue("unanswered_requests", unanswered).log("collector stopped");
    }

    /**
     * Request bodies are aggregated in memory before the sink's byte budget applies, so the connection cap
     * times the drop limit is the other bound on request memory; say so when it exceeds half the heap.
     */
    private static void warnIfAggregationCanExceedHeap(CollectorConfig.Networking net) {
        long worstCase = (long) net.maxConnections() * (net.dropPayloadSize() + net.maxHeaderSize());
        long heap = Runtime.getRuntime().maxMemory();
        if (worstCase > heap / 2) {
            LOG.atWarn().addKeyValue("max_connections", net.maxConnections())
                    .addKeyValue("drop_payload_size", net.dropPayloadSize()).addKeyValue("heap_bytes", heap)
                    .log("max-connections x drop-payload-size exceeds half the heap; lower one of them or raise -Xmx");
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
}
