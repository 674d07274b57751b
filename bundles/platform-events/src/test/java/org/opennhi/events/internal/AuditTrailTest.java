// SPDX-License-Identifier: Apache-2.0
package org.opennhi.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.PlatformEvent;

/** The audit trail's pure parts: record format, torn-line repair, daily rotation, retention and the filters. */
public class AuditTrailTest {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** A clock whose instant the test moves. */
    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return TAIPEI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AuditRecord call(Instant t, String function, String card, int code) {
        return new AuditRecord(t, function, "1.1", "v5", "token", "HC", PlatformEvent.mask(card), code, 42, 3, false);
    }

    @Test
    public void aRecordIsOneJsonLineWithTheCardMasked() {
        String line = AuditLine.of(call(Instant.parse("2025-03-01T01:02:03Z"), "hisGetBasicData", "900000000001", 0));
        assertEquals("{\"time\":\"2025-03-01T01:02:03Z\",\"type\":\"CALL\",\"function\":\"hisGetBasicData\","
                + "\"number\":\"1.1\",\"facade\":\"v5\",\"caller\":\"token\",\"slot\":\"HC\",\"card\":\"********0001\","
                + "\"code\":0,\"micros\":42,\"apdus\":3,\"written\":false}", line);
        assertFalse(line.contains("900000000001"));
        assertNotNull(AuditReader.parse(line));
        String admin = AuditLine.of(AuditRecord.admin("settings:\"x\"\n", "gogo", 0));
        assertTrue(admin, admin.contains("\"type\":\"ADMIN\"") && admin.contains("settings:\\\"x\\\"\\n"));
        assertNotNull(AuditReader.parse(admin));
    }

    @Test
    public void aTornLastLineIsCutOnOpening() throws Exception {
        Path file = tmp.newFolder("LOG").toPath().resolve("audit.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"b\":2}\n{\"c\":", StandardCharsets.UTF_8);
        assertEquals(5, AuditFile.repair(file));
        assertEquals("{\"a\":1}\n{\"b\":2}\n", Files.readString(file));
        assertEquals(0, AuditFile.repair(file));
        Files.writeString(file, "{\"torn");
        assertEquals(6, AuditFile.repair(file));
        assertEquals(0, Files.size(file));

        Files.writeString(file, "{\"a\":1}\n{\"c\":");
        AuditFile audit = new AuditFile(file, 0, 5, 180, new MovingClock(Instant.now()));
        audit.append(List.of("{\"d\":4}"));
        audit.close();
        assertEquals(List.of("{\"a\":1}", "{\"d\":4}"), Files.readAllLines(file));
    }

    @Test
    public void daysRotateAtLocalMidnightAndOldDaysGo() throws Exception {
        Path dir = tmp.newFolder("LOG2").toPath();
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(dir.resolve("audit-2024-01-01.jsonl"), "{\"old\":1}\n"); // beyond 180 days
        Files.writeString(dir.resolve("audit-2024-12-01.jsonl.1"), "{\"kept\":1}\n");
        MovingClock clock = new MovingClock(Instant.parse("2025-03-01T15:59:00Z")); // 23:59 in Taipei
        AuditFile audit = new AuditFile(file, 0, 5, 180, clock);
        audit.append(List.of("{\"day\":1}"));
        assertFalse("older than the retention", Files.exists(dir.resolve("audit-2024-01-01.jsonl")));
        assertTrue(Files.exists(dir.resolve("audit-2024-12-01.jsonl.1")));
        clock.now = Instant.parse("2025-03-01T16:00:01Z"); // 00:00:01 on March 2nd in Taipei
        audit.append(List.of("{\"day\":2}"));
        audit.close();
        assertEquals(List.of("{\"day\":1}"), Files.readAllLines(dir.resolve("audit-2025-03-01.jsonl")));
        assertEquals(List.of("{\"day\":2}"), Files.readAllLines(file));
        assertEquals(List.of(dir.resolve("audit-2024-12-01.jsonl.1"), dir.resolve("audit-2025-03-01.jsonl"), file),
                AuditNames.ordered("audit.jsonl", List.of(file, dir.resolve("audit-2025-03-01.jsonl"),
                        dir.resolve("audit-2024-12-01.jsonl.1"), dir.resolve("platform.log"))));
    }

    @Test
    public void sizePartsOfADayAreArchivedWithIt() throws Exception {
        Path dir = tmp.newFolder("LOG3").toPath();
        Path file = dir.resolve("audit.jsonl");
        MovingClock clock = new MovingClock(Instant.parse("2025-03-01T02:00:00Z"));
        AuditFile audit = new AuditFile(file, 30, 3, 180, clock);
        for (int i = 0; i < 4; i++) {
            audit.append(List.of("{\"n\":" + i + ",\"pad\":\"xxxx\"}"));
        }
        clock.now = clock.now.plusSeconds(86_400);
        audit.append(List.of("{\"n\":4}"));
        audit.close();
        AuditReader reader = new AuditReader(file, TAIPEI);
        List<String> all = reader.read(new AuditReader.Filter(null, null, null), 100);
        assertEquals(5, all.size());
        for (int i = 0; i < 5; i++) {
            assertTrue(all.get(i), all.get(i).startsWith("{\"n\":" + i));
        }
        assertTrue(Files.exists(dir.resolve("audit-2025-03-01.jsonl.3")));
    }

    @Test
    public void theReaderFiltersBySinceCardAndFunctionAndSkipsTornLines() throws Exception {
        Path file = tmp.newFolder("LOG4").toPath().resolve("audit.jsonl");
        Instant t0 = Instant.parse("2025-03-01T02:00:00Z");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(AuditLine.of(call(t0.plusSeconds(i), i % 2 == 0 ? "hisGetBasicData" : "hisGetSeqNumber256",
                    i < 5 ? "900000000001" : "900000000008", 0))).append('\n');
        }
        b.append("{\"time\":\"2025-03-01T02:00:"); // being written
        Files.writeString(file, b.toString());
        AuditReader r = new AuditReader(file, ZoneOffset.UTC);
        assertEquals(10, r.read(new AuditReader.Filter(null, null, null), 100).size());
        assertEquals(5, r.read(new AuditReader.Filter(null, "0008", null), 100).size());
        assertEquals(3, r.read(new AuditReader.Filter(null, "0001", "HISGETBASICDATA"), 100).size());
        assertEquals(10, r.read(new AuditReader.Filter(null, null, "1.1"), 100).size());
        List<String> late = r.read(new AuditReader.Filter(t0.plusSeconds(7), null, null), 100);
        assertEquals(3, late.size());
        List<String> newest = r.read(new AuditReader.Filter(null, null, null), 2);
        assertTrue(newest.get(1), newest.get(1).contains("02:00:09Z"));
    }
}
