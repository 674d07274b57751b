// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Issue 17, item 6: a 429 must not cost a kept-alive client its connection. The client here sends each request's
 * headers and its body in two packets, as many HTTP libraries do, on one connection, faster than the gateway's
 * (lowered) limit allows: every request gets an answer on that same connection, 200s and 429s with Retry-After.
 */
public class RateLimitKeepAliveIT {
    private static DemoPlatform platform;

    @BeforeClass
    public static void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        platform = DemoPlatform.start(work, Map.of(), "", home -> {
            Path cfg = Files.createDirectories(home.resolve("INI/config/opennhi"));
            Files.writeString(cfg.resolve("gateway.config"),
                    "burst=I\"3\"\nrequestsPerSecond=I\"2\"\nservice.pid=\"opennhi.gateway\"\n");
        });
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    public void refusedRequestsKeepTheConnection() throws Exception {
        String token = platform.token();
        int ok = 0;
        int limited = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), platform.port)) {
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                String head = "POST /v5/csGetVersionEx HTTP/1.1\r\nHost: 127.0.0.1:" + platform.port
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(20); // the body arrives in a second packet, after the gateway has decided
                out.write(body);
                out.flush();
                Answer a = Answer.read(in);
                assertNotNull("request " + i + ": the connection closed without an answer", a);
                assertNull("request " + i + " (" + a.status + ") closes the connection",
                        a.headers.get("connection") != null && a.headers.get("connection").contains("close")
                                ? a.headers.get("connection") : null);
                if (a.status == 429) {
                    limited++;
                    assertNotNull("a 429 says when to retry", a.headers.get("retry-after"));
                } else {
                    assertEquals(a.body, 200, a.status);
                    ok++;
                }
            }
        }
        System.out.println("rate-limit keep-alive: " + ok + " × 200 and " + limited + " × 429 on one connection");
        assertTrue("the limit was reached (" + limited + " × 429)", limited > 0);
        assertTrue("some requests were served (" + ok + ")", ok > 0);
    }

    /** One HTTP/1.1 answer with a Content-Length body, read from a kept-alive connection. */
    private record Answer(int status, Map<String, String> headers, String body) {
        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            if (statusLine == null) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
