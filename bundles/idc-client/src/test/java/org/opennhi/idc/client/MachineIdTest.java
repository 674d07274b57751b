// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The machine id is made once per PC (home), kept in INI and then stable. */
public class MachineIdTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void madeOnceThenKept() throws Exception {
        Path ini = tmp.getRoot().toPath().resolve("INI");
        String id = MachineId.of(ini);
        assertTrue(id, id.matches("PC-[0-9A-F]{16}"));
        assertEquals(id, Files.readString(ini.resolve(MachineId.FILE)).trim());
        assertEquals("stable", id, MachineId.of(ini));
    }

    @Test
    public void twoInstallsOnOneHostDiffer() throws Exception {
        assertNotEquals(MachineId.of(tmp.newFolder("a").toPath()), MachineId.of(tmp.newFolder("b").toPath()));
    }

    @Test
    public void aCarriedOverIdIsUsedAsItIs() throws Exception {
        Path ini = tmp.newFolder("INI").toPath();
        Files.writeString(ini.resolve(MachineId.FILE), "PC-OLD-COUNTER.2\n", StandardCharsets.US_ASCII);
        assertEquals("PC-OLD-COUNTER.2", MachineId.of(ini));
    }

    @Test
    public void aMalformedKeptIdIsReplaced() throws Exception {
        Path ini = tmp.newFolder("INI").toPath();
        Files.writeString(ini.resolve(MachineId.FILE), "not allowed / here", StandardCharsets.US_ASCII);
        String id = MachineId.of(ini);
        assertTrue(id, id.matches("PC-[0-9A-F]{16}"));
        assertEquals(id, MachineId.of(ini));
    }
}
