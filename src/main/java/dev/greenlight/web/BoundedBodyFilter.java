package dev.greenlight.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dev.greenlight.common.Limits;
import dev.greenlight.common.PayloadTooLargeException;

/**
 * Enforces {@link BoundedBody}: a declared length above the limit is refused before the body is read; a body sent
 * without a length (chunked) is refused as soon as the JSON reader has read past the limit.
 */
@Provider
@BoundedBody
class BoundedBodyFilter implements ContainerRequestFilter, ReaderInterceptor {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > Limits.MAX_BODY_BYTES) {
            throw new PayloadTooLargeException(Limits.MAX_BODY_BYTES);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedStream(context.getInputStream()));
        try {
            return context.proceed();
        } catch (TooLarge e) {
            throw new PayloadTooLargeException(Limits.MAX_BODY_BYTES);
        }
    }

    /** Thrown as an IOException so that the JSON reader passes it on instead of wrapping it. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("request body above " + Limits.MAX_BODY_BYTES + " bytes", null);
        }
    }

    private static final class LimitedStream extends FilterInputStream {
        private long read;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > Limits.MAX_BODY_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
