// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body was read whole, within a time budget, before any endpoint runs (issue 16, item 2): a sender
 * trickling bytes holds a server thread for the budget at most, not for as long as it likes. Endpoints read the
 * buffered copy; parameters (query and form) are decoded here, strictly, so bad input is a {@link ClientError}.
 */
final class BufferedRequest extends HttpServletRequestWrapper {
    /** The largest body any endpoint takes (the facades' 64 KiB), plus one byte so an endpoint sees "too large". */
    static final int MAX_BODY = 64 * 1024 + 1;

    private final byte[] body;
    private final boolean truncated;
    private Map<String, String[]> parameters;

    private BufferedRequest(HttpServletRequest req, byte[] body, boolean truncated) {
        super(req);
        this.body = body;
        this.truncated = truncated;
    }

    /**
     * Reads the body of {@code req} (at most {@link #MAX_BODY} bytes) and wraps the request around it.
     *
     * @throws ClientError 408 when the body did not arrive within {@code budgetMillis}, 400 when its framing is bad
     */
    static BufferedRequest read(HttpServletRequest req, long budgetMillis, ScheduledExecutorService timer) {
        if (req.getContentLengthLong() <= 0 && req.getHeader("Transfer-Encoding") == null) {
            return new BufferedRequest(req, new byte[0], false);
        }
        long length = req.getContentLengthLong();
        if (length > 0 && length <= MAX_BODY) {
            // the usual case: a small body that came with the headers is read without arming the alarm (a timer
            // task per request was a lock and an allocation every HIS call paid for)
            try {
                InputStream in = req.getInputStream();
                if (in.available() >= length) {
                    return new BufferedRequest(req, in.readNBytes((int) length), false);
                }
            } catch (IOException e) {
                throw new ClientError(400, "bad_body", "The request body is malformed or incomplete.");
            }
        }
        // Servlet reads block; Jetty ends a blocked read with an IOException when the thread is interrupted, so an
        // alarm interrupts this thread if the body is still arriving when the budget is spent
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> ring = timer.schedule(alarm::ring, budgetMillis, TimeUnit.MILLISECONDS);
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            boolean more = bytes.length == MAX_BODY && in.read() >= 0;
            return new BufferedRequest(req, bytes, more);
        } catch (IOException e) {
            if (alarm.rang()) {
                throw new ClientError(408, "body_too_slow",
                        "The request body did not arrive within " + budgetMillis / 1000 + " s.");
            }
            throw new ClientError(400, "bad_body", "The request body is malformed or incomplete.");
        } finally {
            ring.cancel(false);
            alarm.disarm();
        }
    }

    /** Interrupts the reading thread once, and only while it is still reading the body. */
    private static final class Alarm {
        private final Thread reader;
        private boolean armed = true;
        private boolean rang;

        Alarm(Thread reader) {
            this.reader = reader;
        }

        synchronized void ring() {
            if (armed) {
                rang = true;
                reader.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        synchronized void disarm() {
            armed = false;
            if (rang) {
                Thread.interrupted(); // a pooled thread must not carry the interrupt into its next request
            }
        }
    }

    /** @return whether the body was longer than {@link #MAX_BODY} (the endpoint got only that much) */
    boolean truncated() {
        return truncated;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was read already; read it blocking");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
    }

    /** @return the request's charset, UTF-8 when it names none */
    Charset charset() {
        String name = getCharacterEncoding();
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new ClientError(415, "unsupported_charset", "Unknown charset: " + name.strip());
        }
    }

    private synchronized Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, List<String>> all = new LinkedHashMap<>();
            UrlForm.parse(getQueryString(), StandardCharsets.UTF_8, all);
            String type = getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                    && "POST".equals(getMethod())) {
                if (truncated) {
                    throw new ClientError(413, "too_large", "A form is at most " + (MAX_BODY - 1) + " bytes.");
                }
                Charset cs = charset();
                UrlForm.parse(new String(body, StandardCharsets.ISO_8859_1), cs, all);
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(out);
        }
        return parameters;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }
}
