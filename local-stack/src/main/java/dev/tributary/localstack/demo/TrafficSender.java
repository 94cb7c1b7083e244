package dev.tributary.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends tracker requests to the collector one after the other, as a browser would, and counts the answers by HTTP
 * status. A request that gets no answer at all (connection refused, reset) counts under status 0.
 */
final class TrafficSender {

    static final int NO_ANSWER = 0;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI collector;

    TrafficSender(String collectorUrl) {
        this.collector = URI.create(collectorUrl);
    }

    /** Answers by status, in status order; {@code progress} is told after every request. */
    Map<Integer, Integer> send(List<TrackerRequest> requests, Progress progress) throws InterruptedException {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int sent = 0;
        for (TrackerRequest request : requests) {
            byStatus.merge(send(request), 1, Integer::sum);
            progress.sent(++sent, requests.size());
        }
        return byStatus;
    }

    @FunctionalInterface
    interface Progress {
        void sent(int done, int total);
    }

    private int send(TrackerRequest request) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(collector.resolve(request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", request.userAgent());
        if (request.referer() != null) {
            builder.header("Referer", request.referer());
        }
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            builder.GET();
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return NO_ANSWER;
        }
    }
}
