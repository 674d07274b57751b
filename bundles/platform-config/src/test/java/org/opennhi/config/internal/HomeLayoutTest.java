// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class HomeLayoutTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void explicitSettingWinsThenLauncherThenEnvironment() throws Exception {
        String a = tmp.newFolder("a").toString();
        String b = tmp.newFolder("b").toString();
        String c = tmp.newFolder("c").toString();
        assertEquals(Path.of(a), HomeLayout.choose(a, b, c, "Linux", "/home/x"));
        assertEquals(Path.of(b), HomeLayout.choose("", b, c, "Linux", "/home/x"));
        assertEquals(Path.of(c), HomeLayout.choose(" ", null, c, "Linux", "/home/x"));
    }

    @Test
    public void defaultsToCNhiOnWindowsAndHomeNhiElsewhere() {
        assertEquals(Path.of("C:\\NHI"), HomeLayout.choose(null, null, null, "Windows 11", "C:\\Users\\x"));
        assertEquals(Path.of("/home/x/NHI"), HomeLayout.choose(null, null, null, "Linux", "/home/x"));
    }

    @Test
    public void createsTheOfficialLayoutOnceOnly() throws Exception {
        Path root = tmp.getRoot().toPath().resolve("NHI");
        assertEquals(8, HomeLayout.create(root).size());
        for (String f : new String[] {"SAM/COMX1", "LIB", "BIN", "LOG", "INI", "sample", "UTILITY", "VPN"}) {
            assertTrue(f, Files.isDirectory(root.resolve(f)));
        }
        assertTrue(HomeLayout.create(root).isEmpty());
    }
}
