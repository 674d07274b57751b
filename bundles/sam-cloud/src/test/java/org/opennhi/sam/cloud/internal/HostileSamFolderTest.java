// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.idc.client.SamFile;

/**
 * Issue 16 item 4: entries of the SAM folder that are not SAM files (FIFO, device link, 100 MB file, socket) are
 * 9201 with a reason, within the time bound and without reading them, and a good file right after works.
 */
public class HostileSamFolderTest {
    private static final String NAME = "9999999999901000000003.SAM";
    private static final KeyPair CA = keyPair();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] good() {
        return SamFile.issue("901000000003", "9999999999", "健保測試藥局丙", "測試藥局丙", "2611V003",
                "2026-11-22T11:00:00+08:00", new byte[16], CA.getPrivate()).content();
    }

    /** @return the refusal's message, after checking it is 9201 and came within the bound */
    private static String refused(Path folder) {
        long start = System.nanoTime();
        NhiException e = assertThrows(NhiException.class,
                () -> SamFileLocator.locate(folder, Optional.of(CA.getPublic())));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(e.getMessage(), ResultCode.SAM_FILE_UNREADABLE, e.result());
        assertTrue("within the bound: " + ms + " ms", ms < BoundedRead.TIME_BOUND.toMillis() + 500);
        System.out.println("hostile SAM entry: 9201 in " + ms + " ms: " + e.getMessage());
        return e.getMessage();
    }

    private static void recovers(Path folder, Path hostile) throws Exception {
        Files.delete(hostile);
        Files.write(folder.resolve(NAME), good());
        assertEquals("901000000003", SamFileLocator.locate(folder, Optional.of(CA.getPublic())).file().samId());
        Files.delete(folder.resolve(NAME));
    }

    @Test
    public void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path folder = tmp.newFolder("fifo").toPath();
        Path fifo = folder.resolve(NAME);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals("mkfifo (coreutils) makes the FIFO", 0, p.waitFor());
        assertTrue(refused(folder).contains("FIFO"));
        recovers(folder, fifo);
    }

    @Test
    public void aLinkToADeviceIsRefused() throws Exception {
        Path folder = tmp.newFolder("dev").toPath();
        Path link = Files.createSymbolicLink(folder.resolve(NAME), Path.of("/dev/zero"));
        assertTrue(refused(folder).contains("symbolic link"));
        recovers(folder, link);
    }

    @Test
    public void a100MegabyteFileIsRefusedUnread() throws Exception {
        Path folder = tmp.newFolder("big").toPath();
        Path big = folder.resolve(NAME);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: costs no disk
        }
        assertTrue(refused(folder).contains("104857600 bytes"));
        recovers(folder, big);
    }

    @Test
    public void aSocketIsRefused() throws Exception {
        Path folder = tmp.newFolder("sock").toPath();
        Path socket = folder.resolve(NAME);
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
            refused(folder);
        }
        recovers(folder, socket);
    }

    @Test
    public void aLinkToAGoodFileIsRead() throws Exception {
        Path folder = tmp.newFolder("link").toPath();
        Path real = Files.write(tmp.getRoot().toPath().resolve("real"), good());
        Files.createSymbolicLink(folder.resolve(NAME), real);
        assertEquals("901000000003", SamFileLocator.locate(folder, Optional.of(CA.getPublic())).file().samId());
    }

    @Test
    public void aFileThatDoesNotReadInTimeIsRefused() throws Exception {
        // the last guard: a regular file checked, then swapped for a FIFO before the read opens it
        Path folder = tmp.newFolder("swap").toPath();
        Path fifo = folder.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals("mkfifo (coreutils) makes the FIFO", 0, p.waitFor());
        long start = System.nanoTime();
        NhiException e = assertThrows(NhiException.class,
                () -> BoundedRead.timed(fifo, java.time.Duration.ofMillis(300)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, e.result());
        assertTrue(ms + " ms", ms < 1_000);
        Files.newOutputStream(fifo).close(); // releases the worker still blocked in open()
    }
}
