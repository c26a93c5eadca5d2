package io.scimgate.server.http;

import java.net.URI;

/**
 * The address clients use to reach this server: the configured public URL, or else the
 * scheme, host and port the request itself was sent to.
 */
public final class PublicUrl {

    private final String configured;

    public PublicUrl(String configured) {
        this.configured = configured;
    }

    public String of(URI requestUri) {
        if (configured != null) {
            return configured;
        }
        String port = requestUri.getPort() < 0 ? "" : ":" + requestUri.getPort();
        return requestUri.getScheme() + "://" + requestUri.getHost() + port;
    }
}
