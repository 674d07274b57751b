// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import java.lang.reflect.Field;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's PC/SC provider keeps one static context for the whole JVM and caches terminals bound to it. When
 * pcscd restarts, that context is dead for good ({@code SCARD_E_NO_SERVICE} on every call) and a new
 * {@code TerminalFactory} does not help. Clearing the static state makes the next factory establish a fresh
 * context. It needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}, which
 * {@code bin/nhi-cs} passes; without it the plugin reports that a platform restart is needed.
 */
final class ContextReset {
    private static final Logger LOG = LoggerFactory.getLogger(ContextReset.class);
    private static final String TERMINALS_CLASS = "sun.security.smartcardio.PCSCTerminals";

    private ContextReset() {
    }

    /** @return true when the next factory will open a new context */
    static boolean reset() {
        try {
            Class<?> terminals = Class.forName(TERMINALS_CLASS, true, ClassLoader.getSystemClassLoader());
            Field context = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            context.setAccessible(true);
            cache.setAccessible(true);
            // the provider synchronises on the class for these fields
            synchronized (terminals) {
                context.setLong(null, 0L);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot renew the PC/SC context after a PC/SC service restart ({}); start the JVM with"
                    + " --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED", e.toString());
            return false;
        }
    }

    /** @return whether a failure means the PC/SC context itself is gone */
    static boolean isContextGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SCARD_E_NO_SERVICE") || m.contains("SCARD_E_SERVICE_STOPPED")
                    || m.contains("SCARD_E_INVALID_HANDLE") || m.contains("SCARD_F_COMM_ERROR")) {
                return true;
            }
        }
        return false;
    }
}
