// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Issue 16 item 12: the log viewer reads the tail, not the file, and shows a Big5 log. */
public class LogTailTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    public void fiveLinesOfA300MegabyteFileCostKilobytes() throws Exception {
        Path log = tmp.newFile("big.log").toPath();
        long size = 300L * 1024 * 1024;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
            f.setLength(size); // sparse: 300 MB of NULs costs no disk
            f.seek(size);
            for (int i = 1; i <= 8; i++) {
                f.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        long before = allocated();
        long start = System.nanoTime();
        List<String> lines = LogTail.tail(log, 5);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long bytes = allocated() - before;
        assertEquals(List.of("line 4", "line 5", "line 6", "line 7", "line 8"), lines);
        assertTrue("allocated " + bytes + " bytes", bytes < 1024 * 1024);
        System.out.println("log tail: 5 lines of a " + Files.size(log) / (1024 * 1024) + " MB file in " + ms
                + " ms, " + bytes / 1024 + " KiB allocated");
    }

    @Test
    public void aBig5LogIsShown() throws Exception {
        Charset big5 = Charset.forName("Big5");
        Path log = tmp.newFile("cshis.log").toPath();
        Files.write(log, "讀卡機控制軟體 啟動\r\n安全模組認證成功\r\n健保卡讀取完成\r\n".getBytes(big5));
        assertEquals(List.of("安全模組認證成功", "健保卡讀取完成"), LogTail.tail(log, 2));
    }

    @Test
    public void utf8AndShortFiles() throws Exception {
        Path log = tmp.newFile("audit.jsonl").toPath();
        Files.writeString(log, "一\n二\n三", StandardCharsets.UTF_8); // no final newline
        assertEquals(List.of("一", "二", "三"), LogTail.tail(log, 10));
        assertEquals(List.of("三"), LogTail.tail(log, 1));
        Files.writeString(log, "", StandardCharsets.UTF_8);
        assertEquals(List.of(), LogTail.tail(log, 3));
    }

    @Test
    public void linesAcrossBlocks() throws Exception {
        Path log = tmp.newFile("long.log").toPath();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("record ").append(i).append(" 就醫資料\n");
        }
        Files.writeString(log, b, StandardCharsets.UTF_8);
        List<String> lines = LogTail.tail(log, 3000);
        assertEquals(3000, lines.size());
        assertEquals("record 17000 就醫資料", lines.get(0));
        assertEquals("record 19999 就醫資料", lines.get(2999));
    }
}
