// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.card.RocDate;
import org.opennhi.engine.CardFields;
import org.opennhi.engine.CriticalIllnessExpiry;

/**
 * Which critical illnesses (重大傷病, area 06: code 1–5, from 6–12, to 13–19) a 取號 announces as ending soon:
 * those in force today whose end date is at most {@link CriticalIllnessExpiry#WINDOW_DAYS} days away.
 */
final class IllnessNotices {
    private static final int RECORD = 19;

    private IllnessNotices() {
    }

    /** The notices of the card in the conversation; none when area 06 cannot be read (no PIN given). */
    static List<CriticalIllnessExpiry> ending(HcConversation c, LocalDate today) {
        try {
            return ending(c.area(HcArea.CRITICAL_ILLNESSES), today);
        } catch (org.opennhi.contracts.result.NhiException e) {
            return List.of();
        }
    }

    static List<CriticalIllnessExpiry> ending(byte[] area, LocalDate today) {
        List<CriticalIllnessExpiry> out = new ArrayList<>();
        for (int o = 0; o + RECORD <= area.length; o += RECORD) {
            String code = CardFields.ascii(area, o, 5);
            Optional<LocalDate> from = RocDate.parseDate(CardFields.ascii(area, o + 5, 7));
            String endText = CardFields.ascii(area, o + 12, 7);
            Optional<LocalDate> end = RocDate.parseDate(endText);
            if (code.isEmpty() || end.isEmpty() || from.map(f -> f.isAfter(today)).orElse(false)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(today, end.get());
            if (days >= 0 && days <= CriticalIllnessExpiry.WINDOW_DAYS) {
                out.add(new CriticalIllnessExpiry(code, endText, days, String.format(
                        "重大傷病（%s）將於民國 %s 年 %s 月 %s 日到期，請提醒病患及早辦理。", code,
                        Integer.parseInt(endText.substring(0, 3)), endText.substring(3, 5), endText.substring(5, 7))));
            }
        }
        return out;
    }
}
