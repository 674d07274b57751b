// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;

/**
 * A blocking TLS client on {@link SSLEngine} over a {@link SocketChannel}, as lean as a client can be, since
 * its CPU competes with the server's for the same cores: one {@code write} per request and usually one
 * {@code read} per answer ({@code SSLSocket} reads every record's 5-byte header and its body separately, and
 * adds its own locking), buffers reused, no streams.
 */
final class BenchTlsClient implements AutoCloseable {
    private final SocketChannel channel;
    private final SSLEngine engine;
    private final ByteBuffer netIn;
    private final ByteBuffer netOut;
    private ByteBuffer appIn;

    BenchTlsClient(SignatureBench.Target idc) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", idc.port()));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        engine = idc.tls().createSSLEngine("127.0.0.1", idc.port());
        engine.setUseClientMode(true);
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocateDirect(packet);
        netOut = ByteBuffer.allocateDirect(packet);
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        handshake();
    }

    private void handshake() throws IOException {
        engine.beginHandshake();
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> send(ByteBuffer.allocate(0));
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> unwrapSome();
                case NEED_TASK -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                }
                default -> {
                    return; // FINISHED or NOT_HANDSHAKING
                }
            }
        }
    }

    void send(ByteBuffer data) throws IOException {
        do {
            netOut.clear();
            SSLEngineResult r = engine.wrap(data, netOut);
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new IOException("TLS wrap: " + r.getStatus());
            }
            netOut.flip();
            while (netOut.hasRemaining()) {
                channel.write(netOut);
            }
        } while (data.hasRemaining());
    }

    /** Unwraps one record (reading from the socket when none is complete); it may carry no application data. */
    private void unwrapSome() throws IOException {
        while (true) {
            netIn.flip();
            SSLEngineResult r = engine.unwrap(netIn, appIn);
            netIn.compact();
            switch (r.getStatus()) {
                case OK -> {
                    return;
                }
                case BUFFER_UNDERFLOW -> {
                    if (channel.read(netIn) < 0) {
                        throw new IOException("the server closed the connection");
                    }
                }
                case BUFFER_OVERFLOW -> appIn = ByteBuffer.allocate(appIn.capacity() * 2).put(appIn.flip());
                case CLOSED -> throw new IOException("the server closed TLS");
            }
        }
    }

    /** @return the status line of the next answer, after reading the whole answer (headers and body) */
    String receiveAnswer() throws IOException {
        appIn.clear();
        int headerEnd;
        while ((headerEnd = headerEnd()) < 0) {
            unwrapSome();
        }
        String head = new String(appIn.array(), 0, headerEnd, StandardCharsets.US_ASCII);
        int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("no Content-Length in " + head);
        }
        int eol = head.indexOf('\r', at + 2);
        int length = Integer.parseInt(head.substring(at + 17, eol < 0 ? head.length() : eol).trim());
        while (appIn.position() < headerEnd + 4 + length) {
            unwrapSome();
        }
        return head.substring(0, head.indexOf('\r'));
    }

    /** @return where the blank line after the headers starts in what was received, or -1 */
    private int headerEnd() {
        byte[] a = appIn.array();
        for (int i = 0; i + 3 < appIn.position(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
