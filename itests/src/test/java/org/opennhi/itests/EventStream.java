// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a Server-Sent Events response (chunked or not) event by event from a raw socket. */
final class EventStream implements AutoCloseable {
    record Event(String name, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final boolean chunked;
    private final StringBuilder pending = new StringBuilder();
    final int status;

    EventStream(int port, String path, Map<String, String> headers) throws IOException {
        socket = RawHttp.open(port, path, headers);
        in = socket.getInputStream();
        String head = readLine();
        status = Integer.parseInt(head.split(" ")[1]);
        boolean isChunked = false;
        for (String line; !(line = readLine()).isEmpty();) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:") && line.contains("chunked")) {
                isChunked = true;
            }
        }
        chunked = isChunked;
    }

    /** @return the first event that matches, or fails when none comes within the deadline */
    Event next(Predicate<Event> wanted, long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Event e = takeEvent();
            if (e != null) {
                if (wanted.test(e)) {
                    return e;
                }
                continue;
            }
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                if (!readMore()) {
                    throw new IOException("the event stream ended");
                }
            } catch (SocketTimeoutException e2) {
                break;
            }
        }
        throw new AssertionError("no matching event within " + timeoutMillis + " ms; unread: " + pending);
    }

    private Event takeEvent() {
        int end = pending.indexOf("\n\n");
        if (end < 0) {
            return null;
        }
        String block = pending.substring(0, end);
        pending.delete(0, end + 2);
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }
        return data.length() == 0 ? new Event("comment", block) : new Event(name, data.toString());
    }

    private boolean readMore() throws IOException {
        if (!chunked) {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n < 0) {
                return false;
            }
            pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            return true;
        }
        String sizeLine = readLine();
        int size = Integer.parseInt(sizeLine.strip(), 16);
        if (size == 0) {
            return false;
        }
        pending.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
        readLine();
        return true;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0;) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
