// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.junit.Test;

/** ROC dates against values worked out by hand: ROC year = Gregorian year − 1911, 民國元年 = 1912. */
public class RocDateTest {
    @Test
    public void leapDayBothWays() {
        assertEquals("1130229", RocDate.format(LocalDate.of(2024, 2, 29)));
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), RocDate.parseDate("1130229"));
    }

    @Test
    public void yearOneIs1912() {
        assertEquals("0010101", RocDate.format(LocalDate.of(1912, 1, 1)));
        assertEquals(Optional.of(LocalDate.of(1912, 1, 1)), RocDate.parseDate("0010101"));
        assertEquals(1, RocDate.year(LocalDate.of(1912, 12, 31)));
        assertEquals(1912, RocDate.gregorianYear(1));
        assertEquals(113, RocDate.year(LocalDate.of(2024, 7, 1)));
    }

    @Test
    public void preRocDatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RocDate.format(LocalDate.of(1911, 12, 31)));
        assertThrows(IllegalArgumentException.class, () -> RocDate.year(LocalDate.of(1900, 6, 1)));
        assertThrows(IllegalArgumentException.class, () -> RocDate.gregorianYear(0));
        assertEquals(Optional.empty(), RocDate.parseDate("0001231"));
        assertEquals(Optional.empty(), RocDate.parseDateTime("0001231235959"));
    }

    @Test
    public void yearsBeyondThreeDigitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RocDate.format(LocalDate.of(2911, 1, 1)));
        assertEquals("9991231", RocDate.format(LocalDate.of(2910, 12, 31)));
    }

    @Test
    public void dateTimesToTheSecond() {
        assertEquals("1130229235958", RocDate.format(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 999_000_000)));
        assertEquals(Optional.of(LocalDateTime.of(2024, 2, 29, 23, 59, 58)),
                RocDate.parseDateTime("1130229235958"));
        assertEquals(Optional.of(LocalDateTime.of(2011, 1, 2, 3, 4, 5)), RocDate.parseDateTime("1000102030405"));
    }

    @Test
    public void textsThatAreNoDatesParseToNothing() {
        for (String s : new String[] {null, "", "113022", "11302290", "1130230", "1131301", "113a229", " 130229",
                "1130229246000", "1130229236000", "113022923595"}) {
            assertTrue(s, RocDate.parseDate(s).isEmpty() && RocDate.parseDateTime(s).isEmpty());
        }
        assertEquals(Optional.empty(), RocDate.parseDate("1120229"));
    }
}
