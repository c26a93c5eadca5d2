package io.scimgate.server.proxy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

/**
 * Behind a trusted reverse proxy, the request's URL is the one the client used: scheme, host and
 * port from {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port}
 * (the first value of each, as the proxy nearest the client set it). Everything built from the
 * request URL afterwards ({@code Location}, {@code meta.location}, {@code scimBaseUrl}) then names
 * the public address. From any other peer the headers are ignored, so a client cannot make
 * scimgate hand out URLs of its choosing.
 */
@PreMatching
@Priority(100)
public final class ForwardedHeaders implements ContainerRequestFilter {

    private final TrustedProxies trusted;
    private final Provider<Request> connection;

    /** Made by Jersey, which supplies the Grizzly request each call reads the peer's address from. */
    @Inject
    ForwardedHeaders(TrustedProxies trusted, Provider<Request> connection) {
        this.trusted = trusted;
        this.connection = connection;
    }

    /** What an application registers to honour the headers of {@code trusted} proxies. */
    public static Feature feature(TrustedProxies trusted) {
        return context -> {
            context.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    bind(trusted).to(TrustedProxies.class);
                }
            });
            context.register(ForwardedHeaders.class);
            return true;
        };
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (trusted.isEmpty() || !trusted.trusts(connection.get().getRemoteAddr())) {
            return;
        }
        String proto = first(request.getHeaderString("X-Forwarded-Proto"));
        String host = first(request.getHeaderString("X-Forwarded-Host"));
        String port = first(request.getHeaderString("X-Forwarded-Port"));
        if (proto == null && host == null && port == null) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI full = request.getUriInfo().getRequestUri();
        request.setRequestUri(forwarded(base, proto, host, port), forwarded(full, proto, host, port));
    }

    private static URI forwarded(URI uri, String proto, String host, String port) {
        UriBuilder builder = UriBuilder.fromUri(uri);
        if (proto != null && (proto.equalsIgnoreCase("https") || proto.equalsIgnoreCase("http"))) {
            builder.scheme(proto.toLowerCase());
            if (host == null && port == null) {
                builder.port(-1);
            }
        }
        if (host != null && host.matches("[A-Za-z0-9.-]+(:\\d+)?|\\[[0-9A-Fa-f:.]+\\](:\\d+)?")) {
            int colon = host.lastIndexOf(':');
            boolean hasPort = colon > host.lastIndexOf(']') && colon > 0;
            builder.host(hasPort ? host.substring(0, colon) : host);
            builder.port(hasPort ? parsePort(host.substring(colon + 1)) : -1);
        }
        if (port != null) {
            builder.port(parsePort(port));
        }
        URI result = builder.build();
        boolean defaultPort = result.getScheme().equals("https") && result.getPort() == 443
                || result.getScheme().equals("http") && result.getPort() == 80;
        return defaultPort ? UriBuilder.fromUri(result).port(-1).build() : result;
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port > 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",")[0].trim();
        return value.isEmpty() ? null : value;
    }
}
