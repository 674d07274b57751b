// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** {@link HcArea} and the table of docs/card-profile.md §4 say the same, row by row: neither can drift. */
public class HcAreaProfileTest {
    private static final Pattern ROW = Pattern.compile(
            "\\| `([0-9A-F]{2})` \\| ([^|]+) \\| (\\d+) × (\\d+)(, cyclic)? \\| ([^|]+) \\|");

    @Test
    public void everyAreaAsTheProfileTablesIt() throws Exception {
        String doc = Files.readString(Path.of("../../docs/card-profile.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## 4. HC data areas"), doc.indexOf("## 5. HPC data areas"));
        Set<HcArea> seen = EnumSet.noneOf(HcArea.class);
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            HcArea a = HcArea.of(Integer.parseInt(m.group(1), 16)).orElseThrow();
            String access = m.group(6).trim();
            assertEquals(a + " name", m.group(2).trim(), a.description());
            assertEquals(a + " record length", Integer.parseInt(m.group(3)), a.recordLength());
            assertEquals(a + " records", Integer.parseInt(m.group(4)), a.records());
            assertEquals(a + " cyclic", m.group(5) != null, a.cyclic());
            assertEquals(a + " read-only", access.contains("read-only"), !a.writable());
            assertEquals(a + " professional", access.contains("⚕"), a.professional());
            String card = access.replace("read-only", "").replace("⚕", "").replace(",", "").trim();
            assertEquals(a + " access", switch (a.access()) {
                case PUBLIC -> "P";
                case AUTHENTICATED -> "A";
                case AUTHENTICATED_AND_PIN -> "A+PIN";
            }, card);
            seen.add(a);
        }
        assertTrue("every area is tabled: " + seen, seen.containsAll(EnumSet.allOf(HcArea.class)));
    }
}
