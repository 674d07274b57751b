// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately plain HTTP/1.1 client over a socket, because the tests must send headers a browser or an
 * attacker would send (a foreign Host, an Origin) that java.net.http refuses to set.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends one request with exactly these headers (Host included) and reads the whole answer. */
    static Response send(int port, String method, String path, Map<String, String> headers) throws IOException {
        return send(port, method, path, headers, null);
    }

    /** As {@link #send(int, String, String, Map)}, with a UTF-8 body. */
    static Response send(int port, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            Map<String, String> all = new LinkedHashMap<>(headers);
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (bytes != null) {
                all.put("Content-Length", Integer.toString(bytes.length));
            }
            writeRequest(socket.getOutputStream(), method, path, all);
            if (bytes != null) {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** Opens a request and leaves the socket open, for streams. */
    static Socket open(int port, String path, Map<String, String> headers) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        writeRequest(socket.getOutputStream(), "GET", path, headers);
        return socket;
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    private static void writeRequest(OutputStream out, String method, String path, Map<String, String> headers)
            throws IOException {
        StringBuilder req = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("Connection: close\r\n\r\n");
        out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int split = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        String head = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** Chunk sizes count bytes, so de-chunking works on bytes, before decoding. */
    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int eol = indexOf(body, new byte[] {'\r', '\n'}, pos);
            int size = Integer.parseInt(new String(body, pos, eol - pos, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, eol + 2, size);
            pos = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
