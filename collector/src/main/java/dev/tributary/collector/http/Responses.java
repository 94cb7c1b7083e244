package dev.tributary.collector.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Response bodies and the fixed headers that go with them. */
final class Responses {

    /** Transparent 1x1 GIF89a, 43 bytes, as Snowplow's collector serves it. */
    static final byte[] PIXEL = Base64.getDecoder()
            .decode("R0lGODlhAQABAPAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    static final String NO_CACHE = "no-cache, no-store, must-revalidate";

    private Responses() {
    }

    static FullHttpResponse pixel() {
        FullHttpResponse r = of(HttpResponseStatus.OK, Unpooled.wrappedBuffer(PIXEL), "image/gif");
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
        return r;
    }

    static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
    }

    static FullHttpResponse of(HttpResponseStatus status, ByteBuf content, String contentType) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        if (contentType != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return r;
    }

    static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
        return r;
    }

    static String robots() {
        return "User-agent: *\nDisallow: /\n";
    }

    static String crossDomain(List<String> domains, boolean secure) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<cross-domain-policy>\n");
        for (String domain : domains) {
            xml.append("  <allow-access-from domain=\"").append(escapeXml(domain)).append("\" secure=\"")
                    .append(secure).append("\" />\n");
        }
        return xml.append("</cross-domain-policy>").toString();
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
