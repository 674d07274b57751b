// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A legacy INI that is not one (50 MB, binary, a folder) is refused whole; junk entries are not all kept. */
public class LegacyFileBoundsTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static String refusal(Path file) throws Exception {
        try {
            LegacyIniImporter.readLegacy(file);
            fail("not refused: " + file);
            return null;
        } catch (LegacyIniImporter.Refused e) {
            return e.getMessage();
        }
    }

    @Test
    public void aRealCsdllIniIsRead() throws Exception {
        Path ini = folder.newFile("csdll.ini").toPath();
        byte[] text = "[CS]\r\nCOM=COMX1\r\nCSFSIM=ENABLE\r\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(ini, text);
        assertArrayEquals(text, LegacyIniImporter.readLegacy(ini));
    }

    @Test
    public void fiftyMegabytesAreRefusedWithoutReadingThem() throws Exception {
        Path big = folder.newFile("csdll.ini").toPath();
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        String why = refusal(big);
        assertTrue(why, why.contains("larger than 64 KiB") && why.contains("52428800"));
    }

    @Test
    public void binaryFilesAndFoldersAreRefused() throws Exception {
        Path bin = folder.newFile("ReaderCFG0.ini").toPath();
        Files.write(bin, new byte[] {'[', 'C', 'S', ']', 0, 1, 2});
        assertTrue(refusal(bin).contains("binary"));
        assertTrue(refusal(folder.newFolder("csdll.ini2").toPath()).contains("not a regular file"));
    }

    @Test
    public void atMostAHundredUnknownEntriesAreKept() {
        StringBuilder junk = new StringBuilder("[CS]\nCOM=COMX2\n");
        for (int i = 0; i < 5000; i++) {
            junk.append("JUNK").append(i).append("=x\n");
        }
        LegacyImport.Result r = LegacyImport.csdll("csdll.ini", IniFile.parse(junk.toString()));
        String[] kept = (String[]) r.properties().get(LegacyImport.UNKNOWN_PROPERTY);
        assertEquals(LegacyImport.MAX_UNKNOWN + 1, kept.length);
        assertTrue(kept[LegacyImport.MAX_UNKNOWN], kept[LegacyImport.MAX_UNKNOWN].contains("4900 more"));
        assertEquals("COMX2", r.properties().get("samPort"));
    }
}
