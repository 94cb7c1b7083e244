package dev.tributary.collector.metrics;

/**
 * The {@code method} label: the four methods the collector serves and {@code other}. A client chooses the
 * method string freely ({@code curl -X M123}), so it must never become a label value as sent: every distinct
 * value would create a counter and a timer histogram that live for the life of the process.
 */
public enum MethodLabel {
    GET, POST, HEAD, OPTIONS, OTHER;

    /** The label for a request method as received; case-sensitive, as HTTP methods are (RFC 9110 9.1). */
    public static MethodLabel of(String method) {
        return switch (method) {
            case "GET" -> GET;
            case "POST" -> POST;
            case "HEAD" -> HEAD;
            case "OPTIONS" -> OPTIONS;
            default -> OTHER;
        };
    }

    /** The value written into the scrape. */
    public String label() {
        return this == OTHER ? "other" : name();
    }
}
