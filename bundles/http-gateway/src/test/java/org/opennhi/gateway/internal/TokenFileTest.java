// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TokenFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void createsAnOwnerOnlyRandomTokenOnceAndKeepsIt() throws Exception {
        TokenFile file = new TokenFile(tmp.getRoot().toPath().resolve("INI"));
        String token = file.readOrCreate();
        assertEquals(43, token.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals(token, file.readOrCreate());
        assertEquals(token, new TokenFile(file.path().getParent()).readOrCreate());
        try (var listing = Files.list(file.path().getParent())) {
            assertEquals("no temporary files are left", 1, listing.count());
        }
    }

    @Test
    public void tightensAFileOthersCouldRead() throws Exception {
        Path ini = tmp.newFolder("INI").toPath();
        TokenFile file = new TokenFile(ini);
        String token = file.readOrCreate();
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(token, file.readOrCreate());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    public void replacesAnEmptyOrTamperedToken() throws Exception {
        Path ini = tmp.newFolder("INI").toPath();
        Files.writeString(ini.resolve(TokenFile.FILE_NAME), "short\n");
        String token = new TokenFile(ini).readOrCreate();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    public void rotationGivesANewToken() throws Exception {
        TokenFile file = new TokenFile(tmp.newFolder("INI").toPath());
        String first = file.readOrCreate();
        String second = file.rotate();
        assertNotEquals(first, second);
        assertEquals(second, file.readOrCreate());
    }

    @Test
    public void aDeletedFileGetsTheLiveTokenBackAndAChangedOneIsAdopted() throws Exception {
        TokenFile file = new TokenFile(tmp.newFolder("INI2").toPath());
        String live = file.readOrCreate();
        Files.delete(file.path());
        assertTrue("nothing is created by reading", file.read().isEmpty());
        assertEquals("the live token is written back, never a second one", live, file.reconcile(live));
        assertEquals(live, file.read().orElseThrow());
        String written = "A".repeat(43);
        Files.writeString(file.path(), written + "\n");
        assertEquals("a token written into the file is adopted", written, file.reconcile(live));
        Files.writeString(file.path(), "short");
        assertEquals("a spoilt file gets the live token back", live, file.reconcile(live));
        assertEquals(live, file.read().orElseThrow());
    }
}
