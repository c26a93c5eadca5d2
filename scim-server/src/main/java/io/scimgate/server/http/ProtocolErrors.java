package io.scimgate.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * What Grizzly's HTTP codec answers by itself, before any handler sees the request (a request line or
 * headers too long, a malformed request line or header, an HTTP version it does not speak, a body
 * that breaks its own framing), answered with an error body of the API the request was for
 * ({@link ErrorBodies}) instead of an empty 400: the codec filter is replaced by one that writes
 * those bodies. An unsupported HTTP version is answered 400, not 505: it is the client's doing.
 *
 * <p>Grizzly closes the connection after every 400, even one the application answered after reading
 * the whole request (a malformed JSON body, a bad filter), which makes clients that keep connections
 * alive reconnect after each such error; here such a 400 keeps the connection.
 *
 * <p>A request head that Grizzly would wait on until the connection times out, or that would turn
 * the connection into something else ({@link RequestHeads}), is answered at once and the connection
 * closed.
 */
public final class ProtocolErrors extends HttpServerFilter {

    private static final String DETAIL = ProtocolErrors.class.getName() + ".detail";
    /** A status Grizzly keeps connections for, with the same number of digits as 400, patched back on the wire. */
    private static final int KEPT_ALIVE_STAND_IN = 422;
    private static final Attribute<Object> REQUEST_IN_PROGRESS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HTTP_SERVER_REQUEST_ATTR_NAME);

    @SuppressWarnings("deprecation")
    private ProtocolErrors(NetworkListener listener, int maxHeaderSize) {
        super(listener.isChunkingEnabled(), maxHeaderSize, null, listener.getKeepAlive(), null,
                listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
    }

    /** Puts this codec in place of Grizzly's on a listener's filter chain. */
    public static AddOn addOn() {
        return (NetworkListener listener, FilterChainBuilder builder) -> {
            int index = builder.indexOfType(HttpServerFilter.class);
            HttpServerFilter original = (HttpServerFilter) builder.get(index);
            int maxHeaderSize = listener.getMaxHttpHeaderSize() == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
                    : listener.getMaxHttpHeaderSize();
            ProtocolErrors replacement = new ProtocolErrors(listener, maxHeaderSize);
            replacement.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
            replacement.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
            builder.set(index, replacement);
        };
    }

    @Override
    public NextAction handleRead(FilterChainContext context) throws IOException {
        Object message = context.getMessage();
        if (message instanceof Buffer input && REQUEST_IN_PROGRESS.get(context.getConnection()) == null) {
            RequestHeads.Refusal refusal = RequestHeads.refusal(input);
            if (refusal != null) {
                byte[] answer = answer(ErrorBodies.of(null, refusal.status(), refusal.detail()));
                Connection<?> connection = context.getConnection();
                context.write(Buffers.wrap(context.getMemoryManager(), answer), new EmptyCompletionHandler<WriteResult>() {
                    @Override
                    public void completed(WriteResult result) {
                        connection.closeSilently();
                    }

                    @Override
                    public void failed(Throwable throwable) {
                        connection.closeSilently();
                    }
                });
                return context.getStopAction();
            }
        }
        return super.handleRead(context);
    }

    private static byte[] answer(ErrorBodies.ErrorBody body) {
        String reason = body.status() == 405 ? " Method Not Allowed" : " Bad Request";
        String head = "HTTP/1.1 " + body.status() + reason + "\r\nContent-Type: " + body.contentType()
                + "\r\nContent-Length: " + body.body().length + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[headBytes.length + body.body().length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(body.body(), 0, bytes, headBytes.length, body.body().length);
        return bytes;
    }

    /**
     * A 400 that the HTTP layer did not decide (its framing was fine) is serialised as another 4xx,
     * which Grizzly's {@code statusDropsConnection} lets live, and its status line set back to 400.
     */
    @Override
    protected Buffer encodeHttpPacket(FilterChainContext context, HttpPacket packet) {
        HttpHeader header = packet.getHttpHeader();
        if (!(header instanceof HttpResponsePacket response) || response.isCommitted() || response.getStatus() != 400
                || response.getProcessingState().isError()) {
            return super.encodeHttpPacket(context, packet);
        }
        response.setStatus(KEPT_ALIVE_STAND_IN);
        response.setReasonPhrase(HttpStatus.BAD_REQUEST_400.getReasonPhrase());
        Buffer encoded = super.encodeHttpPacket(context, packet);
        int digits = encoded.position() + "HTTP/1.1 ".length();
        if (encoded.limit() > digits + 3 && encoded.get(digits) == '4' && encoded.get(digits + 1) == '2'
                && encoded.get(digits + 2) == '2') {
            encoded.put(digits + 1, (byte) '0');
            encoded.put(digits + 2, (byte) '0');
        }
        return encoded;
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext context, Throwable error) throws IOException {
        HttpRequestPacket request = (HttpRequestPacket) header;
        HttpResponsePacket response = request.getResponse();
        String message = error == null ? "" : String.valueOf(error.getMessage());
        if (message.contains("intial line is too large") || message.contains("initial line is too large")) {
            response.setStatus(414);
            header.getAttributes().setAttribute(DETAIL, "The request line is too long: the URL with its query has at most "
                    + maxHeadersSize + " bytes");
        } else if (message.contains("header is too large")) {
            response.setStatus(431);
            header.getAttributes().setAttribute(DETAIL, "The request line and headers have at most " + maxHeadersSize + " bytes");
        } else if (carriesUnexpectedBody(request)) {
            header.getAttributes().setAttribute(DETAIL, "A " + request.getMethod().getMethodString()
                    + " request carries no body; a query with a body is a POST to .search");
        } else if (response.getStatus() == 505) {
            HttpStatus.BAD_REQUEST_400.setValues(response);
            header.getAttributes().setAttribute(DETAIL, "The request line must end in HTTP/1.1 (or HTTP/1.0);"
                    + " a space in the URL must be percent-encoded");
        }
        super.onHttpHeaderError(header, context, error);
    }

    private static boolean carriesUnexpectedBody(HttpRequestPacket request) {
        try {
            return (request.getContentLength() > 0 || request.isChunked())
                    && request.getMethod().getPayloadExpectation() != Method.PayloadExpectation.ALLOWED;
        } catch (RuntimeException unparsed) {
            return false;
        }
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        Object detail = request == null ? null : request.getAttributes().getAttribute(DETAIL);
        if (response.getStatus() >= 500) {
            HttpStatus.BAD_REQUEST_400.setValues(response);
        }
        int status = response.getStatus();
        String path = request == null ? null : request.getRequestURI();
        ErrorBodies.ErrorBody body = ErrorBodies.of(path, status, detail != null ? detail.toString()
                : "The request is not valid HTTP/1.1 (its request line, a header or the framing of its body)");
        response.setContentType(body.contentType());
        // Set as a header too: for a request line it could not parse, Grizzly writes no Content-Type of its own.
        response.getHeaders().setValue(Header.ContentType).setString(body.contentType());
        response.setContentLength(body.body().length);
        Buffer content = Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body.body());
        return HttpContent.builder(response).content(content).last(true).build();
    }
}
