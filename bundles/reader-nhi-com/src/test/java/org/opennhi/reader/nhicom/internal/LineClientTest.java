// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.opennhi.sim.reader.protocol.Frame;
import org.opennhi.sim.reader.protocol.FrameReader;
import org.opennhi.sim.reader.protocol.TimedInput;
import org.opennhi.sim.reader.pty.PtyPair;

/**
 * Garbage on a real pty line, from a scripted reader written with the emulator's own frame code: noise,
 * broken frames, stale answers, error frames and silence. The host gets the reader's real answer, or 4000's
 * cause in bounded time, never a hang and never a broken frame taken as an answer.
 */
public class LineClientTest {
    private static final int SLOT_STATUS = 0x10;
    private static final byte[] ANSWER = {0, 0, 0, 1, 1, 2, 0};

    private PtyPair pty;
    private TimedInput readerIn;
    private FileOutputStream readerOut;
    private FrameReader requests;
    private LineClient client;

    @Before
    public void open() throws Exception {
        pty = PtyPair.open(Files.createTempDirectory("nhicom-line"));
        readerIn = new TimedInput(new FileInputStream(pty.readerEnd().toFile()), "scripted-reader");
        readerOut = new FileOutputStream(pty.readerEnd().toFile());
        requests = new FrameReader(readerIn, 500);
        client = new LineClient(PortOpener.open(pty.hostEnd().toString(), 115_200), 300, 3, 500);
    }

    @After
    public void close() throws Exception {
        client.close();
        readerIn.close();
        readerOut.close();
        pty.close();
    }

    /** The scripted reader: answers each request it takes with what the script gives, on its own thread. */
    private List<Frame> serve(int requestsToTake, Script script) throws InterruptedException {
        List<Frame> seen = new CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < requestsToTake; i++) {
                    FrameReader.Result r = requests.next(5000);
                    if (r == null || r.frame() == null) {
                        return;
                    }
                    seen.add(r.frame());
                    readerOut.write(script.answer(i, r.frame()));
                    readerOut.flush();
                }
            } catch (IOException e) {
                // the test ends the line
            }
        });
        t.setDaemon(true);
        t.start();
        return seen;
    }

    interface Script {
        byte[] answer(int attempt, Frame request) throws IOException;
    }

    private static byte[] good(Frame request) {
        return new Frame(request.seq(), request.cmd() | 0x80, ANSWER).encode();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    public void noiseAndABrokenFrameAreDroppedAndTheSameRequestIsSentAgain() throws Exception {
        List<Frame> seen = serve(2, (i, req) -> {
            if (i == 0) {
                byte[] broken = good(req);
                broken[broken.length - 2] ^= 0x55; // CRC hit by line noise
                return concat(new byte[] {0x55, (byte) 0xAA, 0x00, 0x7E}, broken);
            }
            return good(req);
        });
        WireFrame f = client.call(SLOT_STATUS);
        assertArrayEquals(ANSWER, f.payload());
        waitFor(seen, 2);
        assertEquals("sent again byte for byte (same SEQ), so the reader answers from its cache", seen.get(0),
                seen.get(1));
    }

    @Test
    public void aStaleAnswerIsSkippedAndAnOversizedFrameIsRefused() throws Exception {
        serve(2, (i, req) -> i == 0
                ? concat(new Frame((req.seq() + 255) & 0xFF, req.cmd() | 0x80, new byte[] {0}).encode(),
                        new byte[] {0x02, (byte) req.seq(), (byte) 0x90, 0x7F, (byte) 0xFF})
                : good(req));
        assertArrayEquals(ANSWER, client.call(SLOT_STATUS).payload());
    }

    @Test
    public void anErrorFrameFromTheReaderMakesTheHostSendAgain() throws Exception {
        serve(2, (i, req) -> i == 0 ? new Frame(req.seq(), 0x7F, new byte[] {0x01}).encode() : good(req));
        assertArrayEquals(ANSWER, client.call(SLOT_STATUS).payload());
    }

    @Test
    public void aReaderThatOnlySendsGarbageGivesNoAnswerAfterEveryAttempt() throws Exception {
        List<Frame> seen = serve(4, (i, req) -> new byte[] {0x02, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08});
        LineClient.NoAnswer e = assertThrows(LineClient.NoAnswer.class, () -> client.call(SLOT_STATUS));
        assertTrue(e.getMessage(), e.getMessage().contains("4 attempts"));
        waitFor(seen, 4);
    }

    @Test
    public void silenceGivesNoAnswerAfterEveryAttempt() throws Exception {
        LineClient.NoAnswer e = assertThrows(LineClient.NoAnswer.class, () -> client.call(SLOT_STATUS));
        assertTrue(e.getMessage(), e.getMessage().contains("no answer within 300 ms after 4 attempts"));
    }

    private static void waitFor(List<Frame> seen, int n) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (seen.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(n, seen.size());
    }
}
