// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.PlatformSettings;

/** 5.1.3 §1.31: csOpenCom(n) opens the SAM folder COMX(n+1); 9200 for a wrong, missing or crowded one. */
public class SamFoldersTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final List<String> switched = new ArrayList<>();

    private SamFolders folders(Path sam, String mode) {
        PlatformSettings settings = (PlatformSettings) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PlatformSettings.class}, (proxy, m, a) -> switch (
                        m.getName()) {
                    case "samMode" -> mode;
                    case "samPort" -> "COMX1";
                    default -> null;
                });
        return new SamFolders(sam::resolve, settings, switched::add);
    }

    @Test
    public void section1_31_thePortNamesTheSamFolder() throws Exception {
        Path sam = tmp.newFolder("SAM").toPath();
        Files.createDirectories(sam.resolve("COMX1"));
        Files.write(sam.resolve("COMX1/7777777777.SAM"), new byte[] {1});
        Files.createDirectories(sam.resolve("COMX2"));
        Files.write(sam.resolve("COMX2/8888888888.sam"), new byte[] {1});
        Files.createDirectories(sam.resolve("COMX3"));
        Files.write(sam.resolve("COMX3/a.SAM"), new byte[] {1});
        Files.write(sam.resolve("COMX3/b.SAM"), new byte[] {1});
        Files.createDirectories(sam.resolve("COMX4/dir.SAM"));
        SamFolders f = folders(sam, PlatformSettings.SAM_MODE_CLOUD);
        assertEquals("COMX1 holds one SAM file", 0, f.open(0));
        assertEquals("nothing switched for the folder in use", List.of(), switched);
        assertEquals("COMX2 holds one", 0, f.open(1));
        assertEquals("and becomes the SAM service's folder", List.of("COMX2"), switched);
        assertEquals("COMX3 holds two: 『數量超過一個以上』", 9200, f.open(2));
        assertEquals("COMX4 holds a folder named .SAM, no file", 9200, f.open(3));
        assertEquals("COMX5 is missing: 『找不到安全模組檔』", 9200, f.open(4));
        assertEquals(9200, f.open(-1));
        assertEquals("COMX99 is the last folder name", 9200, f.open(99));
        assertEquals(List.of("COMX2"), switched);
    }

    @Test
    public void aPhysicalSamHasNoFolder() throws Exception {
        Path sam = tmp.newFolder("SAM").toPath();
        assertEquals(0, folders(sam, PlatformSettings.SAM_MODE_PHYSICAL).open(4));
        assertEquals(List.of(), switched);
    }
}
