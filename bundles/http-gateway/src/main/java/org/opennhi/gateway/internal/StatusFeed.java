// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The subscribers of {@code /events}: each push reaches all of them; one that fails is dropped. */
final class StatusFeed {
    private static final Logger LOG = LoggerFactory.getLogger(StatusFeed.class);

    /** A pushed event: an SSE event name and its JSON data. */
    record Push(String event, String json) {
    }

    private final List<Consumer<Push>> subscribers = new CopyOnWriteArrayList<>();

    /** @return a handle that ends the subscription */
    Runnable subscribe(Consumer<Push> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    void publish(Push push) {
        for (Consumer<Push> s : subscribers) {
            try {
                s.accept(push);
            } catch (RuntimeException e) {
                LOG.debug("Dropping a status subscriber that failed: {}", e.toString());
                subscribers.remove(s);
            }
        }
    }
}
