// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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

/** Issue 16 item 12: a full disk is surfaced and counted, the service recovers by itself, the file rotates. */
public class AuditDurabilityTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static PlatformEvent event(int i) {
        return new PlatformEvent(PlatformEvent.Type.CARD_AUTHENTICATION, Optional.empty(), 0, "event " + i,
                Instant.EPOCH);
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    public void aFullDiskIsSurfacedCountedAndRecoveredFrom() throws Exception {
        Path full = Path.of("/dev/full");
        assertTrue("/dev/full (answers ENOSPC) is writable", Files.isWritable(full));
        Path file = tmp.newFolder("LOG").toPath().resolve(EventHub.AUDIT_FILE);
        Files.createSymbolicLink(file, full); // every write: "No space left on device"
        EventHub hub = new EventHub(file);
        List<PlatformEvent> seen = new CopyOnWriteArrayList<>();
        hub.addListener(seen::add);
        try {
            for (int i = 0; i < 3; i++) {
                hub.publish(event(i));
            }
            until("the failure is known", () -> hub.auditFailure().isPresent() && hub.unauditedEvents() == 3);
            assertTrue(hub.auditFailure().get(), hub.auditFailure().get().contains("No space left on device"));
            until("the listeners heard it", () -> seen.stream().anyMatch(e -> e.type() == PlatformEvent.Type.AUDIT));
            PlatformEvent told = seen.stream().filter(e -> e.type() == PlatformEvent.Type.AUDIT).findFirst().get();
            assertEquals(6016, told.code());
            assertTrue("the events still reach the listeners", seen.stream().filter(e -> e.detail()
                    .startsWith("event ")).count() == 3);
            assertTrue(hub.audit().contains("NOT writable"));

            Files.delete(file); // space again: the probe writes the gap notice without any new event
            until("recovered", () -> hub.auditFailure().isEmpty());
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertTrue(lines.get(0), lines.get(0).contains("\"type\":\"AUDIT\",\"code\":6016")
                    && lines.get(0).contains("3 events since start not kept"));
            until("told of the recovery", () -> seen.stream().anyMatch(e -> e.type() == PlatformEvent.Type.AUDIT
                    && e.code() == 0));
            System.out.println("audit on /dev/full: 3 events counted unaudited, 6016 event, recovered by probe");
        } finally {
            hub.deactivate();
        }
    }

    @Test
    public void theFileRotatesBySizeKeepingN() throws Exception {
        Path file = tmp.newFolder("LOG2").toPath().resolve(EventHub.AUDIT_FILE);
        EventHub hub = new EventHub(file, 2_000, 2);
        for (int i = 0; i < 200; i++) {
            hub.publish(event(i));
            if (i % 20 == 19) {
                Thread.sleep(250); // several batches
            }
        }
        hub.deactivate();
        assertTrue(Files.size(file) <= 2_000);
        assertTrue(Files.exists(file.resolveSibling("audit.jsonl.1")));
        assertTrue(Files.exists(file.resolveSibling("audit.jsonl.2")));
        assertFalse("only 2 kept", Files.exists(file.resolveSibling("audit.jsonl.3")));
        assertTrue(Files.size(file.resolveSibling("audit.jsonl.1")) <= 2_000);
        List<String> last = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(last.get(last.size() - 1).contains("event 199"));
        System.out.println("audit rotation: 200 events, files of at most 2000 bytes, 2 kept");
    }
}
