package io.campuslab.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies of the API are small: at most {@value #MAX_BYTES} bytes. The server takes request bodies
 * of up to 2 GiB for archive uploads, which stream to disk with their own limit ({@link UploadBody});
 * a JSON body is read into memory before any rights are checked, so one over the limit is refused
 * (413) from its declared length or as soon as its chunks pass the limit.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class JsonBodyLimitFilter extends HttpFilter {

    static final int MAX_BYTES = 1 << 20;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                    + "\"detail\":\"A JSON body may have at most 1 MiB\",\"key\":\"error.http.413\"}");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new Limited(super.getInputStream());
            }
        }, response);
    }

    /** A body read past its limit; the API answers 413. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException() {
            super("A JSON body may have at most " + MAX_BYTES + " bytes");
        }

        /** A body of another kind past its own limit. */
        BodyTooLargeException(String what) {
            super("The " + what + " is larger than its limit");
        }
    }

    /** Counts what is read and stops past the limit, for bodies sent in chunks without a length. */
    private static final class Limited extends ServletInputStream {

        private final ServletInputStream in;
        private final BodyBudget budget = new BodyBudget(MAX_BYTES, "JSON body");

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return budget.spendOne(in.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return budget.spend(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
