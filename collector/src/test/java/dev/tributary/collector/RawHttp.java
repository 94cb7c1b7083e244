package dev.tributary.collector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Raw-socket HTTP for tests that need exact control of what is sent and when. */
public final class RawHttp {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    private RawHttp() {
    }

    public static Socket connect(CollectorServer collector) throws IOException {
        Socket socket = new Socket("127.0.0.1", collector.port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Everything the server sends until it closes the connection (a reset counts as a close). */
    public static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                answer.write(buf, 0, n);
            }
        } catch (SocketException reset) {
            // What arrived before the reset is in the buffer.
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code request} in one write (without half-closing) and reads until the server closes. */
    public static String exchange(CollectorServer collector, String request) throws IOException {
        try (Socket socket = connect(collector)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readUntilClosed(socket);
        }
    }

    /** The status codes of every response in {@code answer}, in order (a GIF body has no line breaks). */
    public static List<Integer> statuses(String answer) {
        return STATUS_LINE.matcher(answer).results().map(m -> Integer.parseInt(m.group(1))).toList();
    }

    public static String get(String pathAndQuery, String... extraHeaderLines) {
        StringBuilder b = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: c\r\n");
        for (String h : extraHeaderLines) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString();
    }
}
