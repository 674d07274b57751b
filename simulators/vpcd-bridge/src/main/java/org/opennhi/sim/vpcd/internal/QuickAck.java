// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;

/**
 * Sets Linux's TCP_QUICKACK on a socket. vpcd writes a reply's length and payload in two segments with Nagle
 * on; unless the card side acknowledges at once, Linux delays the ACK and every APDU costs ~44 ms. The kernel
 * leaves quick-ack mode by itself, so it is set again after every reply. Looked up through the platform
 * class loader so that the bundle needs no import of {@code jdk.net}, and a JDK without it just skips it.
 */
public final class QuickAck {
    /** System property that turns quick ACKs off, to measure what they save. */
    public static final String DISABLE_PROPERTY = "opennhi.vpcd.noQuickAck";
    private static final SocketOption<Boolean> OPTION = Boolean.getBoolean(DISABLE_PROPERTY) ? null : find();

    private QuickAck() {
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Boolean> find() {
        try {
            Class<?> c = ClassLoader.getPlatformClassLoader().loadClass("jdk.net.ExtendedSocketOptions");
            return (SocketOption<Boolean>) c.getField("TCP_QUICKACK").get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** @return true when this JDK and OS offer TCP_QUICKACK */
    public static boolean available() {
        return OPTION != null;
    }

    /** Asks for an immediate ACK; does nothing where the option is missing. */
    public static void set(Socket socket) {
        if (OPTION == null) {
            return;
        }
        try {
            if (socket.supportedOptions().contains(OPTION)) {
                socket.setOption(OPTION, Boolean.TRUE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // only a latency optimisation: the protocol works without it
        }
    }
}
