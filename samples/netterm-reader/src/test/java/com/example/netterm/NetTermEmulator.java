// SPDX-License-Identifier: Apache-2.0
package com.example.netterm;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opennhi.sim.card.VirtualCard;

/**
 * A NetTerm terminal in this JVM, with virtual cards in its slots (0 SAM, 1 HC, 2 HPC): what the plugin's
 * tests talk to instead of the device. It can be unplugged (its port closed) and plugged in again on the same
 * port, a card can go mute, and the next answer can be garbage.
 */
public final class NetTermEmulator implements AutoCloseable {
    private final VirtualCard[] cards = new VirtualCard[3];
    private final boolean[] mute = new boolean[3];
    private final boolean[] garble = new boolean[3];
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final int port;

    /** Starts listening on a free loopback port. */
    public NetTermEmulator() throws IOException {
        this(0);
    }

    private NetTermEmulator(int port) throws IOException {
        listen(port);
        this.port = server.getLocalPort();
    }

    /** @return the port the plugin must use */
    public int port() {
        return port;
    }

    /** @param slot 0 SAM, 1 HC, 2 HPC */
    public synchronized void insert(int slot, VirtualCard card) {
        cards[slot] = card;
        mute[slot] = false;
    }

    public synchronized void remove(int slot) {
        cards[slot] = null;
        mute[slot] = false;
    }

    public synchronized void mute(int slot) {
        mute[slot] = true;
    }

    public synchronized void garbleNext(int slot) {
        garble[slot] = true;
    }

    /** The terminal goes away: port closed, connections dropped. */
    public void unplug() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    /** The terminal comes back on the same port, its cards where they were. */
    public void replug() throws IOException {
        listen(port);
    }

    @Override
    public void close() throws IOException {
        unplug();
    }

    private void listen(int onPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        server = s;
        Thread acceptor = new Thread(() -> accept(s), "netterm-emulator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "netterm-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c; DataInputStream in = new DataInputStream(c.getInputStream()); OutputStream out = c.getOutputStream()) {
            while (true) {
                int len = in.readUnsignedShort();
                char type = (char) in.readUnsignedByte();
                int slot = in.readUnsignedByte();
                byte[] payload = new byte[len - 2];
                in.readFully(payload);
                byte[] answer = answer(type, slot, payload);
                if (answer != null) {
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // the plugin closed the connection
        } catch (IOException e) {
            // unplugged
        } finally {
            connections.remove(c);
        }
    }

    /** @return the frame to send, or null for a mute card */
    private synchronized byte[] answer(char type, int slot, byte[] payload) {
        if (type == 'P') {
            java.io.ByteArrayOutputStream status = new java.io.ByteArrayOutputStream();
            for (VirtualCard card : cards) {
                byte[] atr = card == null ? new byte[0] : card.atr();
                status.write(card == null ? 0 : 1);
                status.write(atr.length);
                status.writeBytes(atr);
            }
            return frame('S', 0xFF, status.toByteArray());
        }
        if (type != 'X' || slot > 2 || cards[slot] == null) {
            return frame('E', slot, new byte[] {1});
        }
        if (mute[slot]) {
            return null;
        }
        if (garble[slot]) {
            garble[slot] = false;
            return new byte[] {(byte) 0xFF, (byte) 0xFF, 'Z'};
        }
        return frame('R', slot, cards[slot].transmit(payload));
    }

    private static byte[] frame(char type, int slot, byte[] payload) {
        int len = 2 + payload.length;
        byte[] b = new byte[2 + len];
        b[0] = (byte) (len >> 8);
        b[1] = (byte) len;
        b[2] = (byte) type;
        b[3] = (byte) slot;
        System.arraycopy(payload, 0, b, 4, payload.length);
        return b;
    }
}
