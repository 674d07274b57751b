// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last lines of a log file, read backwards from its end: a 300 MB log costs the few blocks that hold those
 * lines, never the whole file. A log is UTF-8 (ours) or, when its bytes are not valid UTF-8, the Traditional
 * Chinese Windows code page (Big5 / CP950) the official software and many HIS write; a file that is neither still
 * shows, with replacement characters.
 */
final class LogTail {
    /** Read at most this much from the end, whatever the line lengths: a file of one huge line is cut. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int BLOCK = 64 * 1024;
    private static final Charset LEGACY = legacyCharset();

    private LogTail() {
    }

    /**
     * @param file a log file
     * @param lines how many of the last lines (at least 1)
     * @return them, oldest first
     */
    static List<String> tail(Path file, int lines) throws IOException {
        byte[] bytes = lastBytes(file, lines);
        String text = decode(bytes);
        List<String> all = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (!all.isEmpty() && all.get(all.size() - 1).isEmpty()) {
            all.remove(all.size() - 1); // the final newline ends the last line, it does not start another
        }
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    /** The bytes after the newline that starts the last {@code lines} lines (or from the start of the file). */
    static byte[] lastBytes(Path file, int lines) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            long start = size;
            int newlines = 0;
            byte[] kept = new byte[0];
            // a final newline ends the last line: it does not count as one of those we look for
            boolean skipFinal = true;
            while (start > 0 && size - start < MAX_BYTES) {
                int n = (int) Math.min(BLOCK, start);
                start -= n;
                ByteBuffer buf = ByteBuffer.allocate(n);
                ch.position(start);
                while (buf.hasRemaining() && ch.read(buf) > 0) {
                    // fill the block
                }
                byte[] block = buf.array();
                for (int i = n - 1; i >= 0; i--) {
                    if (block[i] != '\n') {
                        continue;
                    }
                    if (skipFinal && start + i == size - 1) {
                        continue;
                    }
                    if (++newlines == lines) {
                        return concat(Arrays.copyOfRange(block, i + 1, n), kept);
                    }
                }
                skipFinal = false;
                kept = concat(block, kept);
            }
            if (start > 0) {
                // cut at the first newline so no line (or character) is shown half
                int first = indexOf(kept, (byte) '\n');
                return first < 0 ? kept : Arrays.copyOfRange(kept, first + 1, kept.length);
            }
            return kept;
        }
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            try {
                return LEGACY.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException neither) {
                return new String(bytes, StandardCharsets.UTF_8); // shown with replacement characters
            }
        }
    }

    private static Charset legacyCharset() {
        for (String name : new String[] {"x-windows-950", "Big5"}) {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
