// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Records when the platform itself learnt of each light (its /events stream, pushed as soon as the reader plugin
 * reports a card or an authentication changes it): the moment pcscd's change reached the platform. The overlay's
 * delay is measured from there, so pcscd's own detection time is not counted against the page.
 */
final class LightEvents implements AutoCloseable {
    private record Seen(long nanos, String slot, int light) {
    }

    private final EventStream stream;
    private final List<Seen> seen = new ArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    LightEvents(DemoPlatform platform) throws Exception {
        stream = new EventStream(platform.port, "/events", RawHttp.headers("Host", "127.0.0.1:" + platform.port,
                "Authorization", "Bearer " + platform.token()));
        if (stream.status != 200) {
            stream.close();
            throw new AssertionError("/events answered " + stream.status);
        }
        reader = new Thread(this::read, "light-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (open) {
            try {
                EventStream.Event e = stream.next(ev -> ev.name().equals("status"), 60_000);
                long now = System.nanoTime();
                JsonObject slots = JsonParser.parseString(e.data()).getAsJsonObject().getAsJsonObject("slots");
                synchronized (seen) {
                    for (String slot : List.of("HC", "HPC")) {
                        JsonObject s = slots.getAsJsonObject(slot);
                        if (s != null && s.has("cardStatus")) {
                            seen.add(new Seen(now, slot, s.get("cardStatus").getAsInt()));
                        }
                    }
                }
            } catch (Exception | AssertionError e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    /** @return when the platform first reported the slot at that light after the given moment */
    OptionalLong firstReported(String slot, int light, long afterNanos) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.nanos() >= afterNanos && s.slot().equals(slot) && s.light() == light)
                    .mapToLong(Seen::nanos).findFirst();
        }
    }

    @Override
    public String toString() {
        synchronized (seen) {
            return seen.toString();
        }
    }

    @Override
    public void close() throws Exception {
        open = false;
        stream.close();
    }
}
