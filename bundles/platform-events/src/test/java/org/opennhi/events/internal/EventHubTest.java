// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.reader.Slot;

public class EventHubTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void everyEventReachesTheListenersInOrderAndTheAuditLogSurvivesAFailingListener() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("LOG/audit.jsonl");
        EventHub hub = new EventHub(file);
        List<PlatformEvent> seen = new CopyOnWriteArrayList<>();
        hub.addListener(e -> {
            throw new IllegalStateException("a broken listener");
        });
        hub.addListener(seen::add);
        for (int i = 0; i < 50; i++) {
            hub.publish(new PlatformEvent(PlatformEvent.Type.CARD_AUTHENTICATION, Optional.of(Slot.HC), i,
                    "card ********0001 \"quoted\"\n", Instant.EPOCH));
        }
        hub.deactivate();

        assertEquals(50, seen.size());
        assertEquals(49, seen.get(49).code());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(50, lines.size());
        assertEquals("{\"time\":\"1970-01-01T00:00:00Z\",\"type\":\"CARD_AUTHENTICATION\",\"slot\":\"HC\",\"code\":0,"
                + "\"detail\":\"card ********0001 \\\"quoted\\\"\\n\"}", lines.get(0));
    }

    @Test
    public void maskKeepsOnlyTheLastFourCharacters() {
        assertEquals("********0001", PlatformEvent.mask("900000000001"));
        assertEquals("******6789", PlatformEvent.mask("A123456789"));
        assertEquals("123", PlatformEvent.mask("123"));
        assertEquals("", PlatformEvent.mask(null));
    }
}
