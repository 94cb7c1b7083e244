package dev.tributary.trigger.events;

import com.snowplowanalytics.snowplow.tracker.constants.Constants;
import com.snowplowanalytics.snowplow.tracker.http.AbstractHttpClientAdapter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tracker's HTTP transport on the JDK client (its OkHttp and Apache adapters are optional dependencies we do not
 * ship), with one deadline per request covering connect, send and response, so a collector that accepts connections
 * and never answers costs {@code timeout} and no more. Answers the status, or -1 when no answer came; the reason is
 * kept for the caller's single log line. Public for the end-to-end tests that drive a tracker against a stack.
 */
public final class JdkHttpAdapter extends AbstractHttpClientAdapter {

    private final HttpClient client;
    private final Duration timeout;
    private volatile String lastFailure = "";

    public JdkHttpAdapter(String collectorUrl, Duration timeout) {
        super(collectorUrl);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Object getHttpClient() {
        return client;
    }

    @Override
    protected int doPost(String url, String payload) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", Constants.POST_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    @Override
    protected int doGet(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    private int send(HttpRequest request) {
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
        } catch (TimeoutException e) {
            response.cancel(true);
            return failed("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return failed("interrupted");
        }
    }

    private int failed(String reason) {
        lastFailure = reason;
        return -1;
    }

    String lastFailure() {
        return lastFailure;
    }
}
