package dev.tributary.schemas.iglu;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A static Iglu repository served over HTTP (Iglu Central layout): {@code GET <uri>/schemas/vendor/name/format/version}.
 * 404 means not found; any other non-2xx status or an I/O failure means unreachable. An API key, when
 * configured, is sent in the {@code apikey} header as Iglu Server expects.
 */
public final class HttpRepository extends AbstractRepository {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUri;
    private final String apiKey;
    private final HttpClient client;
    private final Duration requestTimeout;

    public HttpRepository(String name, int priority, List<String> vendorPrefixes, URI baseUri, String apiKey,
                          HttpClient client, Duration requestTimeout) {
        super(name, priority, vendorPrefixes);
        this.baseUri = withoutTrailingSlash(Objects.requireNonNull(baseUri, "baseUri"));
        this.apiKey = apiKey;
        this.client = Objects.requireNonNull(client, "client");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Uses a client of its own with the default connect and request timeouts. */
    public HttpRepository(String name, int priority, List<String> vendorPrefixes, URI baseUri, String apiKey) {
        this(name, priority, vendorPrefixes, baseUri, apiKey, defaultClient(), DEFAULT_REQUEST_TIMEOUT);
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public RepositoryLookup lookup(SchemaKey key) {
        if (!key.isPlainPath()) {
            // The server would resolve "/schemas/../x" outside its schema tree, with our API key attached.
            return new RepositoryLookup.InvalidSchema("schema key " + key + " would leave the repository's /schemas "
                    + "path; refused");
        }
        URI uri = URI.create(baseUri + "/schemas/" + key.toPath());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET()
                .header("Accept", "application/json");
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("apikey", apiKey);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new RepositoryLookup.Unreachable("GET " + uri + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RepositoryLookup.Unreachable("GET " + uri + " interrupted");
        }
        int status = response.statusCode();
        if (status == 404) {
            return new RepositoryLookup.NotFound();
        }
        if (status < 200 || status >= 300) {
            return new RepositoryLookup.Unreachable("GET " + uri + " answered HTTP " + status);
        }
        return SchemaDocuments.read(response.body(), uri.toString());
    }

    public URI baseUri() {
        return baseUri;
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    @Override
    public String toString() {
        return "HttpRepository(" + name() + ", " + baseUri + ")";
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
