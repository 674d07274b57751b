// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class LegacyImportTest {
    private static final String FULL_CSDLL = String.join("\r\n",
            "[CS]",
            "COM=COMX2",
            "HPCFASTAUTH=ENABLE",
            "CSWATCH=enable",
            "CSREMOTE=DISABLE",
            "CLSCSFSIM=DISABLE",
            "CSFSIM=DISABLE",
            "VENDORKEY=42",
            "this line is broken",
            "");

    @Test
    public void mapsEveryKnownKeyOfCsdll() {
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini", IniFile.parse(FULL_CSDLL));
        assertEquals("COMX2", r.properties().get("samPort"));
        assertEquals(Boolean.TRUE, r.properties().get("hpcFastAuth"));
        assertEquals(Boolean.TRUE, r.properties().get("watchOverlay"));
        assertEquals(Boolean.FALSE, r.properties().get("remoteDesktop"));
        assertEquals(Boolean.FALSE, r.properties().get("keepHisOnConsoleClose"));
        assertEquals(Boolean.FALSE, r.properties().get("openConsoleOnCall"));
        assertEquals(6, r.applied().size());
    }

    @Test
    public void keepsUnknownKeysAndReportsMalformedLines() {
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini", IniFile.parse(FULL_CSDLL));
        assertEquals(1, r.unknown().size());
        assertEquals("[CS] VENDORKEY=42", r.unknown().get(0));
        assertArrayEquals(new String[] {"[CS] VENDORKEY=42"}, (String[]) r.properties().get(LegacyImport.UNKNOWN_PROPERTY));
        assertEquals(1, r.problems().size());
        assertEquals(9, r.problems().get(0).line());
    }

    @Test
    public void rejectsBadValuesWithTheirLineAndAppliesNothingForThem() {
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini",
                IniFile.parse("[CS]\nCOM=COM3\nHPCFASTAUTH=maybe\nCSWATCH=ENABLE\n"));
        assertFalse(r.properties().containsKey("samPort"));
        assertFalse(r.properties().containsKey("hpcFastAuth"));
        assertEquals(Boolean.TRUE, r.properties().get("watchOverlay"));
        assertEquals(2, r.problems().size());
        assertEquals(2, r.problems().get(0).line());
        assertEquals(3, r.problems().get(1).line());
    }

    @Test
    public void comOutsideTheCsSectionIsUnknown() {
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini", IniFile.parse("[READER]\nCOM=COMX1\n"));
        assertFalse(r.properties().containsKey("samPort"));
        assertEquals("[READER] COM=COMX1", r.unknown().get(0));
    }

    @Test
    public void readsReaderNames() {
        LegacyImport.Result r = LegacyImport.readerConfig("ReaderCFG0.ini",
                IniFile.parse("HPC_ReaderName=CASTLES EZ100PU 0\r\nHC_ReaderName=CASTLES EZ100PU 1\r\n"));
        assertEquals("CASTLES EZ100PU 1", r.properties().get("hcReaderName"));
        assertEquals("CASTLES EZ100PU 0", r.properties().get("hpcReaderName"));
        assertTrue(r.unknown().isEmpty());
    }

    @Test
    public void readerConfigFileFollowsTheSamPort() {
        assertEquals("ReaderCFG0.ini", LegacyImport.readerConfigFileFor("COMX1"));
        assertEquals("ReaderCFG1.ini", LegacyImport.readerConfigFileFor("COMX2"));
        assertEquals("ReaderCFG0.ini", LegacyImport.readerConfigFileFor("nonsense"));
    }

    @Test
    public void reportNamesFileLineAndReason() {
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini", IniFile.parse(FULL_CSDLL));
        ImportReport report = new ImportReport(java.time.Instant.EPOCH, java.nio.file.Path.of("INI"));
        report.applied(r, "opennhi.platform");
        String text = report.render();
        assertTrue(text, text.contains("csdll.ini line 9: neither a [section] nor a key=value line: 'this line is broken'"));
        assertTrue(text, text.contains("unknown  [CS] VENDORKEY=42 (kept, not used)"));
        assertTrue(text, text.contains("applied  [CS] HPCFASTAUTH=ENABLE -> hpcFastAuth=true"));
        assertTrue(report.hasProblems());
    }
}
