package dev.tributary.infra.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps the REST API's paths onto {@link SchemaRegistry} and its results and failures onto JSON responses. */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private final SchemaRegistry registry;
    private final ObjectMapper json;
    private final List<Route> routes;

    RegistryHttpHandler(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
        this.routes = List.of(
            new Route("POST", "/subjects/([^/]+)/versions", request ->
                new RestMessages.SchemaIdResponse(registry.register(request.path(0), request.schema()))),
            new Route("GET", "/subjects/([^/]+)/versions", request -> registry.versions(request.path(0))),
            new Route("GET", "/subjects/([^/]+)/versions/([^/]+)", request ->
                registry.version(request.path(0), request.path(1))),
            new Route("POST", "/subjects/([^/]+)", request -> registry.lookup(request.path(0), request.schema())),
            new Route("GET", "/subjects", request -> registry.subjects()),
            new Route("GET", "/schemas/ids/([^/]+)", request ->
                new RestMessages.SchemaResponse(registry.schemaById(schemaId(request.path(0))))),
            new Route("POST", "/compatibility/subjects/([^/]+)/versions/([^/]+)", request ->
                new RestMessages.CompatibilityCheckResponse(
                    registry.isCompatible(request.path(0), request.path(1), request.schema()))),
            new Route("GET", "/config", request -> RestMessages.ConfigResponse.of(registry.globalCompatibility())),
            new Route("PUT", "/config", request -> {
                CompatibilityLevel level = CompatibilityLevel.parse(request.config().level());
                registry.setGlobalCompatibility(level);
                return RestMessages.ConfigResponse.of(level);
            }),
            new Route("GET", "/config/([^/]+)", request -> RestMessages.ConfigResponse.of(
                registry.subjectCompatibility(request.path(0), request.queryFlag("defaultToGlobal")))),
            new Route("PUT", "/config/([^/]+)", request -> {
                CompatibilityLevel level = CompatibilityLevel.parse(request.config().level());
                registry.setSubjectCompatibility(request.path(0), level);
                return RestMessages.ConfigResponse.of(level);
            }));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = dispatch(exchange);
            } catch (RegistryException e) {
                status = e.httpStatus();
                body = new RestMessages.ErrorResponse(e.errorCode(), e.getMessage());
            } catch (JsonProcessingException e) {
                status = 400;
                body = new RestMessages.ErrorResponse(400, "Unreadable request body: " + e.getOriginalMessage());
            } catch (RuntimeException e) {
                log.error("Unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = new RestMessages.ErrorResponse(50001, "Error in the backend data store: " + e);
            }
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private Object dispatch(HttpExchange exchange) throws IOException {
        String path = trimTrailingSlash(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method().equals(exchange.getRequestMethod())) {
                    return route.action().handle(new Request(exchange, matcher, json));
                }
            }
        }
        if (pathKnown) {
            throw new RegistryException(405, 405, "HTTP " + exchange.getRequestMethod() + " not allowed on " + path);
        }
        throw new RegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static int schemaId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound();
        }
    }

    private static String trimTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private record Route(String method, Pattern path, Action action) {

        Route(String method, String path, Action action) {
            this(method, Pattern.compile(path), action);
        }
    }

    @FunctionalInterface
    private interface Action {
        Object handle(Request request) throws IOException;
    }

    /** One request's decoded path parameters, query and body. */
    private static final class Request {

        private final HttpExchange exchange;
        private final Matcher matcher;
        private final ObjectMapper json;

        Request(HttpExchange exchange, Matcher matcher, ObjectMapper json) {
            this.exchange = exchange;
            this.matcher = matcher;
            this.json = json;
        }

        /** The n-th path parameter, percent-decoded ('+' stays a plus: this is a path, not a form). */
        String path(int index) {
            String raw = matcher.group(index + 1);
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        boolean queryFlag(String name) {
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null) {
                return false;
            }
            return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .anyMatch(pair -> pair[0].equals(name) && (pair.length == 1 || Boolean.parseBoolean(pair[1])));
        }

        String schema() throws IOException {
            RestMessages.SchemaRequest request = body(RestMessages.SchemaRequest.class);
            if (request.schemaType() != null && !AvroSchema.TYPE.equalsIgnoreCase(request.schemaType())) {
                throw RegistryException.invalidSchema("only AVRO schemas are supported, not " + request.schemaType());
            }
            return request.schema();
        }

        RestMessages.ConfigRequest config() throws IOException {
            return body(RestMessages.ConfigRequest.class);
        }

        private <T> T body(Class<T> type) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length == 0) {
                    throw new RegistryException(422, 422, "Request body is missing");
                }
                return json.readValue(bytes, type);
            }
        }
    }
}
