// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLSocket;

import org.junit.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The request path below the routes, spoken to over a raw TLS socket: bodies that arrive in pieces or chunked,
 * bodies nobody reads, and the connection staying usable after each.
 */
public class HttpPathTest extends IdcTestBase {
    /** An unknown SAM: the 404 with 9013 proves that the whole JSON body was read and parsed. */
    private static final String UNKNOWN_SAM = "{\"samId\":\"901099999999\",\"machineId\":\"PC-1\","
            + "\"rndCard\":\"0102030405060708\"}";

    /** Both kinds of route: one served on a worker thread, and an inline one (whose body is not all there yet). */
    @Test
    public void aBodyArrivingInPiecesIsReadWhole() throws Exception {
        String verify = "{\"samId\":\"901099999999\",\"type\":\"VISIT_RAW\",\"data\":\"AAEC\",\"signature\":\"AAEC\"}";
        for (String[] target : new String[][] {{"/v1/sam/auth/begin", UNKNOWN_SAM}, {"/v1/signatures/verify", verify}}) {
            try (Wire w = new Wire()) {
                byte[] body = target[1].getBytes(StandardCharsets.US_ASCII);
                w.send("POST " + target[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n");
                int third = body.length / 3;
                for (int from = 0; from < body.length; from += third) {
                    Thread.sleep(150); // the server has read what came so far and waits for more
                    w.out.write(body, from, Math.min(third, body.length - from));
                    w.out.flush();
                }
                Answer a = w.read();
                assertEquals(target[0] + " " + a.body, 404, a.status);
                assertEquals(9013, a.json().get("code").getAsInt());
                assertEquals("the connection stays usable", 200, w.get("/v1/health").status);
            }
        }
    }

    /** Added latency waits on a worker thread: it never holds up the I/O threads that serve other connections. */
    @Test
    public void latencyOnOneRequestDoesNotHoldUpOthers() throws Exception {
        assertEquals(200, f.http.put("/admin/faults", JsonParser.parseString(
                "{\"rules\":[{\"pathPrefix\":\"/v1/health\",\"latencyMs\":3000}]}").getAsJsonObject()).status());
        // connections go to the selectors in turn: two slow ones and two fast ones cover every selector twice over
        try (Wire slow1 = new Wire(); Wire slow2 = new Wire(); Wire fast1 = new Wire(); Wire fast2 = new Wire()) {
            for (Wire w : new Wire[] {slow1, slow2}) {
                w.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            }
            Thread.sleep(100);
            // order, not a clock: the fast answers must come while the slow ones are still held back
            java.util.concurrent.CompletableFuture<Answer> slowAnswer = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try {
                            return slow1.read();
                        } catch (Exception e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    });
            assertEquals(200, fast1.get("/v1/time").status);
            assertEquals(200, fast2.get("/v1/time").status);
            assertTrue("the fast requests were answered before the slow one", !slowAnswer.isDone());
            assertEquals(200, slowAnswer.get(30, java.util.concurrent.TimeUnit.SECONDS).status);
            assertEquals(200, slow2.read().status);
        }
    }

    @Test
    public void aChunkedBodyLargerThanTheFirstBufferIsRead() throws Exception {
        StringBuilder padded = new StringBuilder(UNKNOWN_SAM);
        padded.insert(1, " ".repeat(20_000)); // JSON allows the spaces; no Content-Length to size the buffer
        try (Wire w = new Wire()) {
            w.sendChunked("/v1/sam/auth/begin", padded.toString().getBytes(StandardCharsets.US_ASCII), 3000);
            Answer a = w.read();
            assertEquals(a.body, 404, a.status);
            assertEquals(9013, a.json().get("code").getAsInt());
            assertEquals(200, w.get("/v1/health").status);
        }
    }

    @Test
    public void anOversizeChunkedBodyIs413() throws Exception {
        byte[] big = ("{\"samId\":\"" + "9".repeat(100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (Wire w = new Wire()) {
            w.sendChunked("/v1/sam/auth/begin", big, 8192);
            Answer a = w.read();
            assertEquals(413, a.status);
            assertEquals(9002, a.json().get("code").getAsInt());
            assertEquals("a body within the drain limit keeps the connection", 200, w.get("/v1/health").status);
        }
    }

    @Test
    public void aBodyNobodyReadsDoesNotCostTheConnection() throws Exception {
        byte[] body = ("{\"x\":\"" + "a".repeat(30_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (Wire w = new Wire()) {
            // 405 (refused before the body is read) and 200 from a route that needs no body
            for (String target : new String[] {"/v1/sams/901000000001/keys", "/v1/health"}) {
                String method = target.endsWith("keys") ? "POST" : "GET";
                w.send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n");
                w.out.write(body);
                w.out.flush();
                assertEquals(target, method.equals("POST") ? 405 : 200, w.read().status);
            }
            assertEquals(200, w.get("/v1/health").status);
        }
    }

    /** One kept-alive TLS connection speaking HTTP/1.1 by hand. */
    private final class Wire implements AutoCloseable {
        final SSLSocket socket;
        final OutputStream out;
        final InputStream in;

        Wire() throws IOException {
            socket = (SSLSocket) f.idc.clientTlsContext().getSocketFactory().createSocket("127.0.0.1", f.idc.port());
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void sendChunked(String path, byte[] body, int chunk) throws IOException {
            send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int from = 0; from < body.length; from += chunk) {
                int n = Math.min(chunk, body.length - from);
                send(Integer.toHexString(n) + "\r\n");
                out.write(body, from, n);
                send("\r\n");
            }
            send("0\r\n\r\n");
        }

        Answer get(String path) throws IOException {
            send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            return read();
        }

        Answer read() throws IOException {
            String status = line();
            int length = 0;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            return new Answer(Integer.parseInt(status.split(" ")[1]),
                    new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                assertTrue("the server closed the connection", c >= 0);
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private record Answer(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }
}
