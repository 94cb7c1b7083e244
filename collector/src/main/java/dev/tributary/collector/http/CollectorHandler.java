package dev.tributary.collector.http;

import dev.tributary.collector.config.CollectorConfig;
import dev.tributary.collector.identity.ClientIp;
import dev.tributary.collector.identity.Identity;
import dev.tributary.collector.identity.IdentityRequest;
import dev.tributary.collector.identity.IdentityResolver;
import dev.tributary.collector.metrics.CollectorMetrics;
import dev.tributary.collector.metrics.Limit;
import dev.tributary.collector.sink.Sink;
import dev.tributary.collector.sink.SinkBufferFullException;
import dev.tributary.runtime.monitoring.MonitoringEndpoints;
import dev.tributary.schemas.avro.CollectorPayload;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request: tracking requests are turned into payloads and answered only after the sink
 * acknowledged them; everything else (monitoring, CORS, robots, ...) is answered directly. Shared by all
 * connections; per-connection state (pipelining order) lives in {@link ResponseOrder}. Routing is
 * {@link Route}, CORS {@link Cors}, redirect targets {@link RedirectPolicy}, identity and cookies
 * {@link IdentityResolver}, response bodies {@link Responses}.
 */
@ChannelHandler.Sharable
public final class CollectorHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorHandler.class);
    private static final String SP_ANONYMOUS = Cors.SP_ANONYMOUS;

    private final CollectorConfig config;
    private final Sink sink;
    private final CollectorMetrics metrics;
    private final MonitoringEndpoints monitoring;
    private final Cors cors;
    private final IdentityResolver identities;
    private final PayloadFactory payloads;
    private final RedirectPolicy redirects;
    private final ClientIp clientIp;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param monitoring answers {@code /health}, {@code /ready} and {@code /metrics} on the tracker port
     * @param collectorName the payloads' {@code collector} field, e.g. {@code tributary-collector-0.1.0-kafka}
     */
    public CollectorHandler(CollectorConfig config, Sink sink, CollectorMetrics metrics, MonitoringEndpoints monitoring,
                            String collectorName) {
        this.config = config;
        this.sink = sink;
        this.metrics = metrics;
        this.monitoring = monitoring;
        this.cors = new Cors(config.corsMaxAge());
        this.identities = new IdentityResolver(config.cookie(), config.doNotTrackCookie(), config.cookieBounce());
        this.payloads = new PayloadFactory(collectorName);
        this.redirects = new RedirectPolicy(config.redirects());
        this.clientIp = new ClientIp(config.trustedProxies());
    }

    /** Tracking requests waiting for Kafka. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long started = System.nanoTime();
        String method = request.method().name();
        ResponseOrder connection = ResponseOrder.of(ctx);
        if (connection.refusing()) {
            // After a 503-and-close nothing more on this connection is recorded or answered; the client sees the
            // close and retries these requests elsewhere.
            return;
        }
        if (connection.waiting() >= config.networking().maxPipelinedRequests()) {
            connection.refuse();
            ctx.channel().config().setAutoRead(false);
            metrics.limitHit(Limit.PIPELINING);
            send(ctx, connection.next(), retryLater("too many pipelined requests"), false, "rejected", method, started);
            return;
        }
        ResponseOrder.Turn turn = connection.next();
        if (request.decoderResult().isFailure()) {
            HttpResponseStatus status = statusOf(request.decoderResult().cause());
            send(ctx, turn, Responses.text(status, status.reasonPhrase()), false, "malformed", method, started);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        RawQuery query = RawQuery.parse(request.uri());
        String path = config.paths().getOrDefault(query.path(), query.path());
        Route route = Route.of(request.method(), path);
        switch (route) {
            case PIXEL, TRACKER_GET, TRACKER_POST, REDIRECT ->
                    track(ctx, turn, request, route, path, query, keepAlive, started);
            case PREFLIGHT -> send(ctx, turn, cors.preflight(request.headers()), keepAlive, route.endpoint, method,
                    started);
            case HEALTH, READY -> send(ctx, turn, monitoring(method, path), keepAlive, route.endpoint, method, started);
            case SINK_HEALTH -> send(ctx, turn, sink.healthy()
                            ? Responses.text(HttpResponseStatus.OK, "ok")
                            : Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Service Unavailable"),
                    keepAlive, route.endpoint, method, started);
            case ROBOTS -> send(ctx, turn, Responses.text(HttpResponseStatus.OK, Responses.robots()), keepAlive,
                    route.endpoint, method, started);
            case CROSS_DOMAIN -> send(ctx, turn, config.crossDomain().enabled()
                            ? Responses.of(HttpResponseStatus.OK, Unpooled.copiedBuffer(Responses.crossDomain(
                                    config.crossDomain().domains(), config.crossDomain().secure()), StandardCharsets.UTF_8),
                            "text/xml; charset=UTF-8")
                            : notFound(), keepAlive, route.endpoint, method, started);
            case ROOT -> send(ctx, turn, root(), keepAlive, route.endpoint, method, started);
            case METRICS -> send(ctx, turn, config.metricsEnabled() ? monitoring(method, path) : notFound(),
                    keepAlive, route.endpoint, method, started);
            case NOT_FOUND -> send(ctx, turn, notFound(), keepAlive, route.endpoint, method, started);
        }
    }

    private FullHttpResponse monitoring(String method, String path) {
        MonitoringEndpoints.Response answer = monitoring.respond(method, path);
        return Responses.of(HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()),
                answer.contentType());
    }

    private void track(ChannelHandlerContext ctx, ResponseOrder.Turn turn, FullHttpRequest request, Route route, String path, RawQuery query,
                       boolean keepAlive, long started) {
        String method = request.method().name();
        HttpHeaders headers = request.headers();
        metrics.requestBytes(request.content().readableBytes());

        Optional<String> target = Optional.empty();
        if (route == Route.REDIRECT) {
            if (!config.redirects().enabled()) {
                send(ctx, turn, Responses.text(HttpResponseStatus.NOT_FOUND, "redirects disabled"), keepAlive, route.endpoint,
                        method, started);
                return;
            }
            target = query.param("u");
            if (target.isEmpty()) {
                send(ctx, turn, Responses.text(HttpResponseStatus.BAD_REQUEST, "missing or disallowed redirect target u"),
                        keepAlive, route.endpoint, method, started);
                return;
            }
        }

        String bounceName = config.cookieBounce().name();
        Optional<String> location = Optional.empty();
        Identity identity = identities.resolve(new IdentityRequest(cookies(headers), query.param("nuid"),
                headers.get(HttpHeaderNames.ORIGIN), headers.contains(SP_ANONYMOUS),
                route == Route.PIXEL || route == Route.TRACKER_GET,
                query.param(bounceName).map("true"::equals).orElse(false)));

        if (route == Route.REDIRECT) {
            // Checked on the URI that is sent, after the nuid (client-controlled) is substituted into it.
            location = redirects.location(target.get(), identity.networkUserId());
            if (location.isEmpty()) {
                send(ctx, turn, Responses.text(HttpResponseStatus.BAD_REQUEST, "missing or disallowed redirect target u"),
                        keepAlive, route.endpoint, method, started);
                return;
            }
        }

        if (identity.bounce()) {
            String scheme = Optional.ofNullable(headers.get(config.cookieBounce().forwardedProtocolHeader()))
                    .filter(s -> s.equals("http") || s.equals("https")).orElse("http");
            String host = Optional.ofNullable(headers.get(HttpHeaderNames.HOST)).orElse("localhost");
            FullHttpResponse r = Responses.empty(HttpResponseStatus.FOUND);
            r.headers().set(HttpHeaderNames.LOCATION,
                    scheme + "://" + host + rawPath(request.uri(), query) + bounceQuery(query, bounceName));
            trackingHeaders(r.headers(), headers, identity);
            send(ctx, turn, r, keepAlive, route.endpoint, method, started);
            return;
        }

        FullHttpResponse response = switch (route) {
            case TRACKER_POST -> Responses.text(HttpResponseStatus.OK, "ok");
            case REDIRECT -> {
                FullHttpResponse r = Responses.empty(HttpResponseStatus.FOUND);
                r.headers().set(HttpHeaderNames.LOCATION, location.get());
                yield r;
            }
            default -> Responses.pixel();
        };
        trackingHeaders(response.headers(), headers, identity);

        if (!identity.record()) {
            send(ctx, turn, response, keepAlive, route.endpoint, method, started);
            return;
        }

        ClientIp.Resolved client = clientIp.resolve(headers.get("X-Forwarded-For"), headers.get("Forwarded"),
                ctx.channel().remoteAddress());
        CollectorPayload payload = payloads.create(request, path, query, client, identity, Instant.now());
        // An anonymous request must not be traceable through its partition either.
        Optional<String> partitionKey = config.sink().useIpAddressAsPartitionKey() && !identity.anonymous()
                ? Optional.of(client.ip()) : Optional.empty();
        inFlight.incrementAndGet();
        sink.store(payload, partitionKey).whenComplete((outcome, error) -> {
            try {
                if (error == null) {
                    send(ctx, turn, response, keepAlive, route.endpoint, method, started);
                } else {
                    response.release();
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    String reason = cause instanceof SinkBufferFullException ? "sink buffer full" : "events not stored";
                    send(ctx, turn, retryLater(reason), keepAlive, route.endpoint, method, started);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private FullHttpResponse retryLater(String reason) {
        FullHttpResponse r = Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE,
                "Service Unavailable: " + reason + ", retry later");
        r.headers().set(HttpHeaderNames.RETRY_AFTER, config.sink().retryAfter().toSeconds());
        return r;
    }

    private static String rawPath(String uri, RawQuery query) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        return path.startsWith("/") ? path : query.path();
    }

    private static String bounceQuery(RawQuery query, String bounceName) {
        String pair = bounceName + "=true";
        return "?" + (query.query() == null || query.query().isEmpty() ? pair : query.query() + "&" + pair);
    }

    private void trackingHeaders(HttpHeaders out, HttpHeaders request, Identity identity) {
        for (String c : identity.setCookies()) {
            out.add(HttpHeaderNames.SET_COOKIE, c);
        }
        out.set("P3P", "policyref=\"" + config.p3p().policyRef() + "\", CP=\"" + config.p3p().cp() + "\"");
        Cors.allowOrigin(out, request);
    }

    private static Map<String, String> cookies(HttpHeaders headers) {
        Map<String, String> out = new HashMap<>();
        for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie c : ServerCookieDecoder.LAX.decode(header)) {
                out.putIfAbsent(c.name(), c.value());
            }
        }
        return out;
    }

    private FullHttpResponse root() {
        CollectorConfig.RootResponse root = config.rootResponse();
        if (!root.enabled()) {
            return notFound();
        }
        FullHttpResponse r = Responses.text(HttpResponseStatus.valueOf(root.statusCode()), root.body());
        root.headers().forEach((name, value) -> r.headers().set(name, value));
        return r;
    }

    private static FullHttpResponse notFound() {
        return Responses.text(HttpResponseStatus.NOT_FOUND, "404 not found");
    }

    private static HttpResponseStatus statusOf(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    private void send(ChannelHandlerContext ctx, ResponseOrder.Turn turn, FullHttpResponse response, boolean keepAlive,
                      String endpoint, String method, long started) {
        if (turn.previous().isDone() && ctx.executor().inEventLoop()) {
            write(ctx, response, keepAlive, endpoint, method, started);
            turn.mine().complete(null);
            return;
        }
        turn.previous().whenComplete((ignored, e) -> ctx.executor().execute(() -> {
            write(ctx, response, keepAlive, endpoint, method, started);
            turn.mine().complete(null);
        }));
    }

    private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive, String endpoint,
                       String method, long started) {
        metrics.request(endpoint, method, response.status().code(), Duration.ofNanos(System.nanoTime() - started));
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else if (event instanceof ChannelInputShutdownEvent) {
            // The client half-closed after sending: answer what it asked for, then close.
            ResponseOrder.of(ctx).drained().whenComplete((ignored, e) -> ctx.executor().execute(ctx::close));
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A broken connection must never take the server down; the client sees the connection close.
        LOG.atDebug().addKeyValue("cause", cause.toString()).log("connection error");
        ctx.close();
    }
}
