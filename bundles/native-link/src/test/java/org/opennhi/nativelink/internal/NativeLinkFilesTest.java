// SPDX-License-Identifier: Apache-2.0
package org.opennhi.nativelink.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class NativeLinkFilesTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theLinkFileSaysWhereTheApiIsAndHowToStartThePlatform() throws Exception {
        Path ini = folder.newFolder("INI").toPath();
        new LinkFile("127.0.0.1", 7711, true, "/opt/nhi-cs/bin/nhi-cs", false).writeTo(ini);
        String text = Files.readString(ini.resolve("cshis.ini"));
        assertTrue(text, text.contains("[LocalAPI]\nHost=127.0.0.1\nPort=7711\n"));
        assertTrue(text, text.contains("OpenConsoleOnCall=1\nLauncher=/opt/nhi-cs/bin/nhi-cs\nDemo=0\n"));
        new LinkFile("127.0.0.1", 7712, false, "", true).writeTo(ini);
        text = Files.readString(ini.resolve("cshis.ini"));
        assertTrue(text, text.contains("Port=7712\n") && text.contains("OpenConsoleOnCall=0\n"));
        try (var files = Files.list(ini)) {
            assertEquals("no temp file left", List.of("cshis.ini"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    public void librariesOfThisSystemGoIntoLibAndUnchangedOnesStay() throws Exception {
        Path tmp = folder.getRoot().toPath();
        Path nativeFolder = tmp.resolve("native");
        Files.createDirectories(nativeFolder.resolve("linux-x86_64"));
        Files.createDirectories(nativeFolder.resolve("windows-x86"));
        Files.write(nativeFolder.resolve("linux-x86_64/libcshis.so"), new byte[] {1, 2, 3});
        Files.write(nativeFolder.resolve("windows-x86/cshis.dll"), new byte[] {4});
        Path lib = tmp.resolve("home/LIB");
        assertEquals(1, LibraryInstaller.install(nativeFolder, lib, "Linux", "amd64").size());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(lib.resolve("libcshis.so")));
        assertTrue("no Windows DLL on Linux", Files.notExists(lib.resolve("cshis.dll")));
        assertEquals("same bytes: left alone", 0, LibraryInstaller.install(nativeFolder, lib, "Linux", "amd64").size());
        Files.write(nativeFolder.resolve("linux-x86_64/libcshis.so"), new byte[] {9});
        assertEquals(1, LibraryInstaller.install(nativeFolder, lib, "Linux", "amd64").size());
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(lib.resolve("libcshis.so")));

        Path winLib = tmp.resolve("win/LIB");
        LibraryInstaller.install(nativeFolder, winLib, "Windows 10", "amd64");
        assertTrue("the 32-bit DLLs in LIB itself", Files.isRegularFile(winLib.resolve("cshis.dll")));
        assertEquals(0, LibraryInstaller.install(nativeFolder, tmp.resolve("mac/LIB"), "Mac OS X", "aarch64").size());
    }

    @Test
    public void aLowerCaseLibLinkServesProgramsThatLoadHomeLib() throws Exception {
        Path home = folder.newFolder("home").toPath();
        Files.createDirectories(home.resolve("LIB"));
        Files.write(home.resolve("LIB/cshis50.so"), new byte[] {7});
        LibraryInstaller.linkLowerCaseLib(home);
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(home.resolve("lib/cshis50.so")));
        LibraryInstaller.linkLowerCaseLib(home);
    }
}
