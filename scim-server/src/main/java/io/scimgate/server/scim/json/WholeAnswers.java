package io.scimgate.server.scim.json;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Gives an answer that fits in {@link #BUFFER_BYTES} its Content-Length, as Jersey's own buffering
 * did, from a buffer each worker thread keeps instead of a new one per answer (Jersey's is turned off
 * in ScimApplication: it cost every answer an 8 KiB array, BENCHMARKS.md "Eighth pass: rendering
 * responses"). A longer answer (a list page) is passed on as it is written and goes out chunked.
 */
public final class WholeAnswers implements WriterInterceptor {

    /** As Jersey's default, and Grizzly's output buffer: a user, a group of some dozens of members, any error. */
    static final int BUFFER_BYTES = 8192;

    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER_BYTES]);

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        byte[] buffer = BUFFERS.get();
        // An answer written while another is (an error mapped during a write) gets a buffer of its own.
        BUFFERS.set(null);
        Buffered body = new Buffered(context.getOutputStream(), buffer != null ? buffer : new byte[BUFFER_BYTES]);
        try {
            context.setOutputStream(body);
            context.proceed();
            if (!body.passedOn()) {
                context.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
                body.passOn();
            }
        } finally {
            BUFFERS.set(body.buffer);
        }
    }

    /** Keeps what is written until it no longer fits, then passes everything on as it comes. */
    private static final class Buffered extends OutputStream {

        private final OutputStream out;
        private final byte[] buffer;
        private int length;
        private boolean passedOn;

        Buffered(OutputStream out, byte[] buffer) {
            this.out = out;
            this.buffer = buffer;
        }

        boolean passedOn() {
            return passedOn;
        }

        void passOn() throws IOException {
            passedOn = true;
            out.write(buffer, 0, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) throws IOException {
            if (!passedOn && length + count <= buffer.length) {
                System.arraycopy(bytes, offset, buffer, length, count);
                length += count;
                return;
            }
            if (!passedOn) {
                passOn();
            }
            out.write(bytes, offset, count);
        }

        @Override
        public void flush() {
            // Sent as Grizzly's buffer fills and when Jersey closes the response's stream.
        }

        @Override
        public void close() {
            // Jersey closes the response's own stream once the body is written.
        }
    }
}
