// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class IniFileTest {

    @Test
    public void readsSectionsEntriesAndSkipsCommentsAndBlanks() {
        IniFile ini = IniFile.parse("; comment\r\n[CS]\r\nCOM = COMX1\r\n\r\n# other\r\nHPCFASTAUTH=ENABLE\r\n");
        assertEquals(2, ini.entries().size());
        IniFile.Entry com = ini.entries().get(0);
        assertEquals("CS", com.section());
        assertEquals("COM", com.key());
        assertEquals("COMX1", com.value());
        assertEquals(3, com.line());
        assertEquals(6, ini.entries().get(1).line());
        assertTrue(ini.problems().isEmpty());
    }

    @Test
    public void reportsMalformedLinesWithTheirNumbers() {
        IniFile ini = IniFile.parse("[CS\nthis is not a setting\n=ENABLE\n[]\nCSWATCH=ENABLE\n");
        assertEquals(1, ini.entries().size());
        assertEquals(4, ini.problems().size());
        assertEquals(1, ini.problems().get(0).line());
        assertEquals(2, ini.problems().get(1).line());
        assertEquals("this is not a setting", ini.problems().get(1).text());
        assertEquals(3, ini.problems().get(2).line());
        assertEquals(4, ini.problems().get(3).line());
    }

    @Test
    public void keepsEverythingAfterTheFirstEqualsSign() {
        IniFile ini = IniFile.parse("HC_ReaderName=CASTLES EZ100PU 0 = left\n");
        assertEquals("CASTLES EZ100PU 0 = left", ini.entries().get(0).value());
    }

    @Test
    public void decodesUtf8WithBomAndBig5() {
        byte[] utf8 = "\uFEFF[CS]\nNAME=診所\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("[CS]\nNAME=診所\n", IniFile.decode(utf8));
        byte[] big5 = "NAME=診所\n".getBytes(Charset.forName("Big5"));
        assertEquals("NAME=診所\n", IniFile.decode(big5));
    }

    @Test
    public void reportsEveryLineOfGarbageAsAProblemWithItsNumberAndText() {
        // lines built from bytes that can start neither a comment, a section nor a key=value line: the only
        // right answer is one problem per line, numbered from 1, holding the line as it was
        String alphabet = "\u0000\u0001\u007F\uFFFDabcXYZ019!\"$%&'()*+,-./:<>?@\\]^_`{|}~診所";
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = 1 + random.nextInt(40); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(line.toString());
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        IniFile ini = IniFile.parse(text.toString());
        assertTrue(ini.entries().isEmpty());
        assertEquals(lines.size(), ini.problems().size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, ini.problems().get(i).line());
            assertEquals(lines.get(i), ini.problems().get(i).text());
        }
    }
}
