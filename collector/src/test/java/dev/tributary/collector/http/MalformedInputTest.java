package dev.tributary.collector.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.collector.CollectorTestKit;
import dev.tributary.schemas.avro.CollectorPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bytes no well-behaved client sends, written on raw sockets: each gets a 4xx or is recorded faithfully for
 * enrich to judge, and the collector keeps serving.
 */
class MalformedInputTest {

    static CollectorTestKit kit;

    @BeforeAll
    static void start() {
        kit = CollectorTestKit.start(Map.of(
                "collector.networking.max-initial-line-length", 4096,
                "collector.networking.max-header-size", 8192));
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    @AfterEach
    void stillServing() {
        assertThat(kit.get("/health").statusCode()).isEqualTo(200);
    }

    /** Writes the bytes, half-closes, and returns everything the server answered. */
    static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", kit.collector.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketException reset) {
                // The server may reset after answering an oversized request; what it wrote is still here.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void badPercentEncodingIsRecordedAsReceived() throws IOException {
        String m = marker();
        String query = "e=pv&aid=" + m + "&bad=%zz%E0%&nuid=%ff";
        String answer = exchange("GET /i?" + query + " HTTP/1.1\r\nHost: c\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 OK");
        CollectorPayload p = kit.raw(m).get(0);
        assertThat(p.getQuerystring()).isEqualTo(query);
        // An undecodable nuid parameter is ignored rather than trusted.
        assertThat(UUID.fromString(p.getNetworkUserId())).isNotNull();
    }

    @Test
    void rawNonAsciiBytesInTheQueryAreRejectedOrRecordedAsTheirPercentEncoding() throws IOException {
        String m = marker();
        byte[] head = ("GET /i?aid=" + m + "&q=").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " HTTP/1.1\r\nHost: c\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head);
        request.writeBytes(new byte[]{(byte) 0xC3, (byte) 0xA9});
        request.writeBytes(tail);
        String answer = exchange(request.toByteArray());
        if (answer.startsWith("HTTP/1.1 400")) {
            assertThat(kit.raw(m)).isEmpty();
        } else {
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(kit.raw(m)).singleElement().extracting(CollectorPayload::getQuerystring)
                    .isEqualTo("aid=" + m + "&q=%C3%A9");
        }
    }

    @Test
    void invalidUtf8BodyIsRecordedWithReplacementCharacters() throws IOException {
        String m = marker();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"aid\":\"" + m + "\",\"x\":\"").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: c\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.size() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body.toByteArray());
        assertThat(exchange(request.toByteArray())).startsWith("HTTP/1.1 200 OK");
        assertThat(kit.raw(m)).singleElement().extracting(CollectorPayload::getBody)
                .isEqualTo("{\"aid\":\"" + m + "\",\"x\":\"\uFFFD(\uFFFD\"}");
    }

    @Test
    void hugeHeadersGet431() throws IOException {
        String m = marker();
        String answer = exchange("GET /i?aid=" + m + " HTTP/1.1\r\nHost: c\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(kit.raw(m)).isEmpty();
    }

    @Test
    void hugeRequestLineGets414() throws IOException {
        String m = marker();
        String answer = exchange("GET /i?aid=" + m + "&pad=" + "p".repeat(10_000) + " HTTP/1.1\r\nHost: c\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414");
        assertThat(kit.raw(m)).isEmpty();
    }

    @Test
    void truncatedBodyIsNeverRecorded() throws IOException {
        String m = marker();
        String answer = exchange("POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: c\r\n"
                + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"aid\":\"" + m + "\"");
        assertThat(answer).isEmpty();
        assertThat(kit.raw(m)).isEmpty();
    }

    @Test
    void wrongMethodsAndGarbageGet4xx() throws IOException {
        String m = marker();
        assertThat(exchange("DELETE /i?aid=" + m + " HTTP/1.1\r\nHost: c\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 404");
        assertThat(exchange("PATCH /com.snowplowanalytics.snowplow/tp2?aid=" + m
                + " HTTP/1.1\r\nHost: c\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404");
        assertThat(exchange("HELLO\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(exchange("POST /com.snowplowanalytics.snowplow/tp2?aid=" + m
                + " HTTP/1.1\r\nHost: c\r\nContent-Length: abc\r\n\r\n{}")).startsWith("HTTP/1.1 400");
        assertThat(exchange(new byte[]{0, 1, 2, 3, (byte) 0xFF, '\r', '\n', '\r', '\n'})).startsWith("HTTP/1.1 400");
        assertThat(kit.raw(m)).isEmpty();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        String first = marker();
        String second = marker();
        String answer = exchange("GET /i?aid=" + first + " HTTP/1.1\r\nHost: c\r\n\r\n"
                + "GET /robots.txt HTTP/1.1\r\nHost: c\r\n\r\n"
                + "POST /com.snowplowanalytics.snowplow/tp2 HTTP/1.1\r\nHost: c\r\nContent-Length: 13\r\n"
                + "Connection: close\r\n\r\n{\"aid\":\"" + second.substring(0, 3) + "\"}");
        // The GIF body has no line break, so status lines are found anywhere, not at line starts.
        List<String> statusLines = java.util.regex.Pattern.compile("HTTP/1\\.1 \\d{3} [A-Z]+").matcher(answer)
                .results().map(java.util.regex.MatchResult::group).toList();
        assertThat(statusLines).containsExactly("HTTP/1.1 200 OK", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK");
        int gif = answer.indexOf("image/gif");
        int robots = answer.indexOf("Disallow");
        int ok = answer.lastIndexOf("\r\n\r\nok");
        assertThat(gif).isPositive().isLessThan(robots);
        assertThat(robots).isLessThan(ok);
        assertThat(kit.raw(first)).hasSize(1);
    }
}
