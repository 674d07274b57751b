// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.sim.reader.protocol.Command;
import org.opennhi.sim.reader.protocol.ReaderClient;
import org.opennhi.sim.reader.protocol.TimedInput;

public class NhiSimTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NhiSim.run(List.of(args), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String dir() {
        return tmp.getRoot().toPath().resolve("cards").toString();
    }

    @Test
    public void listShowAndReset() {
        assertEquals(0, run("--dir", dir(), "list"));
        String list = out.toString(StandardCharsets.UTF_8);
        assertTrue(list.contains("900000000001") && list.contains("王大明") && list.contains("900077777777"));
        assertEquals(0, run("--dir", dir(), "show", "900000000002"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("PIN: enabled, 3 tries left"));
        assertEquals(0, run("reset", "--dir", dir()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("reset 34 cards"));
    }

    @Test
    public void badInputGetsClearErrors() {
        assertEquals(1, run("--dir", dir(), "show", "12345"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no simulated card with number 12345"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("list", "--dir"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: nhi-sim"));
    }

    @Test
    public void helpAndACommandWithoutItsArgumentPrintTheUsageAndSucceed() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {}, new String[] {"list", "--help"}, new String[] {"--dir", dir(), "show"})) {
            out.reset();
            assertEquals(String.join(" ", args), 0, run(args));
            assertTrue(String.join(" ", args), out.toString(StandardCharsets.UTF_8).startsWith("usage: nhi-sim"));
        }
    }

    @Test
    public void serialModeServesTheHostAndTakesConsoleCommands() throws Exception {
        Path link = tmp.getRoot().toPath().resolve("serial");
        PipedOutputStream console = new PipedOutputStream();
        PipedInputStream consoleIn = new PipedInputStream(console);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread sim = new Thread(() -> exit.set(NhiSim.run(List.of("--dir", dir(), "serial", "--link", link.toString(),
                "--sam", "900077777777"), consoleIn, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))));
        sim.start();
        Path host = link.resolve("host");
        long end = System.nanoTime() + 10_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("dedicated-reader emulator on") && System.nanoTime() < end) {
            sim.join(20);
        }
        assertTrue(Files.exists(host));
        console.write("insert hc 900000000001\nstatus\n".getBytes(StandardCharsets.UTF_8));
        console.flush();
        try (TimedInput in = new TimedInput(new FileInputStream(host.toFile()), "host");
                FileOutputStream o = new FileOutputStream(host.toFile())) {
            ReaderClient client = new ReaderClient(in, o, 2000, 3);
            assertEquals(0, client.call(Command.OPEN).status());
            // the console command may still be on its way: poll until the HC shows up
            byte[] state = client.call(Command.SLOT_STATUS, (byte) 1).data();
            while (state[1] == 0 && System.nanoTime() < end) {
                sim.join(20);
                state = client.call(Command.SLOT_STATUS, (byte) 1).data();
            }
            assertArrayEquals(new byte[] {1, 1}, state);
        }
        console.write("bogus\nremove xx\nquit\n".getBytes(StandardCharsets.UTF_8));
        console.flush();
        sim.join(10_000);
        assertEquals(0, exit.get());
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown, shown.contains("HC 900000000001 in the HC slot"));
        assertTrue(shown, shown.contains("unknown command 'bogus'"));
        assertTrue(shown, shown.contains("slot is sam, hc or hpc, not 'xx'"));
    }
}
