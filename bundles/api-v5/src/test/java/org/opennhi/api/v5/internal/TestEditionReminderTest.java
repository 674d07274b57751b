// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.VisitReminder;
import org.opennhi.sim.card.TestKit;

/**
 * Test plan case 1 (測試案例 1, 就醫次數提醒): the visit-count reminder of 取號 (1.37 hisGetSeqNumber256) for each row
 * of the plan's table, with bday.txt, treno.txt and cri.txt written as the plan says. The plan's birth dates
 * (0900101, 0390101, 0380101) and its critical illness (36513 valid 1030101–1051231) were the ages 14, 64, 65 and a
 * valid illness in 2015; here they are the same ages and validity as of today, so the rows keep their meaning.
 */
public class TestEditionReminderTest extends TestEditionDesk {
    /** none, a reminder, a red one. */
    private enum Expect { NONE, REMINDER, RED }

    @Test
    public void case1_visitCountReminderTable_1_37() throws Exception {
        world.doctor();
        row(14, 20, Expect.NONE, Expect.NONE);
        row(14, 30, Expect.NONE, Expect.NONE);
        row(14, 90, Expect.NONE, Expect.NONE);
        row(64, 20, Expect.NONE, Expect.NONE);
        row(64, 30, Expect.NONE, Expect.REMINDER);
        row(64, 90, Expect.NONE, Expect.RED);
        row(65, 30, Expect.NONE, Expect.NONE);
        row(65, 40, Expect.NONE, Expect.REMINDER);
        row(65, 90, Expect.NONE, Expect.RED);
    }

    /** One row: with one valid critical illness, then with an empty cri.txt. */
    private void row(int age, int visits, Expect withIllness, Expect without) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        String illness = "36513" + roc(today.minusYears(1)) + roc(today.plusYears(1));
        assertEquals(age + "/" + visits + " with a critical illness", withIllness, take(age, visits, illness));
        assertEquals(age + "/" + visits + " without", without, take(age, visits, ""));
    }

    private Expect take(int age, int visits, String cri) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
        Path in = tmp.newFolder().toPath();
        Files.writeString(in.resolve(TestKit.BIRTH_DATE), roc(today.minusYears(age).minusDays(30)));
        Files.writeString(in.resolve(TestKit.VISIT_COUNT), Integer.toString(visits));
        Files.writeString(in.resolve(TestKit.CRITICAL_ILLNESSES), cri);
        world.readers.remove(Slot.HC);
        world.cards.useTestKit(TestKit.read(in), HC, tmp.newFolder().toPath());
        world.hc(HC);
        world.reminders.clear();
        byte[] seq = call(296, "", (b, l) -> api.hisGetSeqNumber256("01", " ", "0", b, l));
        String dateTime = new String(seq, 0, 13, StandardCharsets.US_ASCII);
        assertTrue("the visit's date-time " + dateTime, dateTime.matches("[0-9]{13}"));
        List<VisitReminder> r = world.reminders;
        Optional<VisitReminder> last = r.isEmpty() ? Optional.empty() : Optional.of(r.get(r.size() - 1));
        return last.map(v -> v.red() ? Expect.RED : Expect.REMINDER).orElse(Expect.NONE);
    }

    private static String roc(LocalDate d) {
        return String.format("%03d%02d%02d", d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth());
    }
}
