package io.scimgate.conformance.bench;

import io.scimgate.conformance.bench.HttpConnection.Reply;
import java.io.IOException;
import java.net.URI;

/** One connection to one base path (a directory's SCIM URL, or the admin API) with its bearer token. */
final class ScimClient implements AutoCloseable {

    static final String SCIM_JSON = "application/scim+json";

    private final HttpConnection connection;
    private final String basePath;
    private final String token;
    private final String contentType;

    ScimClient(String baseUrl, String token, String contentType) {
        URI base = URI.create(baseUrl);
        this.connection = new HttpConnection(base);
        this.basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        this.token = token;
        this.contentType = contentType;
    }

    Reply get(String path) throws IOException {
        return connection.send("GET", basePath + path, token, null, null);
    }

    Reply post(String path, String body) throws IOException {
        return connection.send("POST", basePath + path, token, contentType, body);
    }

    Reply put(String path, String body) throws IOException {
        return connection.send("PUT", basePath + path, token, contentType, body);
    }

    Reply patch(String path, String body) throws IOException {
        return connection.send("PATCH", basePath + path, token, contentType, body);
    }

    @Override
    public void close() {
        connection.close();
    }
}
