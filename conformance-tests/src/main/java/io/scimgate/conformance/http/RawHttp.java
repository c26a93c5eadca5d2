package io.scimgate.conformance.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: for requests that well-behaved clients (and
 * Java's HttpClient) refuse to send, such as undecodable URLs, broken headers or bodies on GET. One
 * connection; each exchange reads one response, so keep-alive can be observed.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private RawHttp(URI server, Duration timeout) {
        try {
            this.socket = new Socket(server.getHost(), server.getPort());
            this.socket.setSoTimeout((int) timeout.toMillis());
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.host = server.getHost() + ":" + server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the server of {@code url} (its host and port), answers awaited for at most {@code timeout}. */
    public static RawHttp connect(String url, Duration timeout) {
        return new RawHttp(URI.create(url), timeout);
    }

    /** The {@code Host} header value of this connection. */
    public String host() {
        return host;
    }

    /** A request head and body: {@code target} as sent, {@code Host} and {@code Content-Length} added. */
    public static byte[] request(String method, String target, Map<String, String> headers, byte[] body, String host) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Sends {@code bytes} and reads one response; a write the server refused to take is reported as such. */
    public Reply exchange(byte[] bytes) {
        long started = System.nanoTime();
        boolean head = bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("HEAD ");
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            // The server may answer and close before taking a whole body: read what it said.
            return read(started, true, head);
        }
        return read(started, false, head);
    }

    /** Reads the next response on this connection, such as the final one after a {@code 100 Continue}. */
    public Reply next() {
        return read(System.nanoTime(), false, false);
    }

    /** Whether the server closes the connection within {@code wait}, sending nothing more. */
    public boolean closedWithin(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private Reply read(long started, boolean writeRefused, boolean head) {
        try {
            String statusLine = line();
            if (statusLine == null) {
                return new Reply(-1, Map.of(), "", true, writeRefused, elapsed(started));
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            byte[] body = head || status == 204 || status == 304 ? new byte[0] : body(headers);
            boolean closed = "close".equalsIgnoreCase(headers.get("connection"));
            return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), closed, writeRefused, elapsed(started));
        } catch (SocketTimeoutException e) {
            return new Reply(-1, Map.of(), "", false, writeRefused, elapsed(started));
        } catch (IOException e) {
            return new Reply(-1, Map.of(), "", true, writeRefused, elapsed(started));
        }
    }

    private byte[] body(Map<String, String> headers) throws IOException {
        if (headers.containsKey("content-length")) {
            return in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return body.toByteArray();
        }
        return new byte[0];
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test connection that is already gone
        }
    }

    /**
     * One answer: status (-1 when none came: the connection was closed or the wait timed out), headers
     * in lower case, the body, whether the server closes the connection after it, and how long it took.
     */
    public record Reply(int status, Map<String, String> headers, String body, boolean closed, boolean writeRefused,
            Duration elapsed) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }
}
