// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listeners of one source, told in turn: the one fan-out plugins and services share, so none writes its
 * own. A listener that throws is skipped and never stops the others nor the source.
 *
 * @param <L> the listener type, e.g. {@link org.opennhi.contracts.reader.ReaderEventListener}
 */
public final class Listeners<L> {
    private final List<L> listeners = new CopyOnWriteArrayList<>();

    /** @param listener to be told from now on; null is ignored */
    public void add(L listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    /** @param listener a listener added before; unknown listeners are ignored */
    public void remove(L listener) {
        listeners.remove(listener);
    }

    /** @return whether no listener is registered */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** @param call what to tell each listener, in the order they were added */
    public void tell(Consumer<? super L> call) {
        tell(call, failure -> {
        });
    }

    /**
     * @param call what to tell each listener, in the order they were added
     * @param failed told of each listener's failure, e.g. to log it; the others are told all the same
     */
    public void tell(Consumer<? super L> call, Consumer<RuntimeException> failed) {
        for (L l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                failed.accept(e);
            }
        }
    }
}
