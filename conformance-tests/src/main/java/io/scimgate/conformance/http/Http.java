package io.scimgate.conformance.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP/1.1 client for tests. HTTP/1.1 on purpose: Java's default HTTP/2 upgrade attempt
 * hangs against Grizzly.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Http withHeader(String name, String value) {
        Http copy = new Http(baseUrl);
        copy.defaultHeaders.putAll(defaultHeaders);
        if (value == null) {
            copy.defaultHeaders.remove(name);
        } else {
            copy.defaultHeaders.put(name, value);
        }
        return copy;
    }

    public Http bearer(String token) {
        return withHeader("Authorization", token == null ? null : "Bearer " + token);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpReply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public HttpReply post(String path, String body) {
        return send("POST", path, body, Map.of());
    }

    public HttpReply put(String path, String body) {
        return send("PUT", path, body, Map.of());
    }

    public HttpReply patch(String path, String body) {
        return send("PATCH", path, body, Map.of());
    }

    public HttpReply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public HttpReply send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                body != null, headers);
    }

    /** Sends {@code body} chunked, without a Content-Length, as streaming clients do. */
    public HttpReply sendChunked(String method, String path, String body) {
        return send(method, path, HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(body)), true,
                Map.of());
    }

    private HttpReply send(String method, String path, HttpRequest.BodyPublisher publisher, boolean hasBody,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        Map<String, String> all = new LinkedHashMap<>(defaultHeaders);
        if (hasBody) {
            all.putIfAbsent("Content-Type", "application/scim+json");
        }
        all.putAll(headers);
        all.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpReply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return baseUrl + (path.isEmpty() || path.startsWith("/") || path.startsWith("?") ? "" : "/") + path;
    }
}
