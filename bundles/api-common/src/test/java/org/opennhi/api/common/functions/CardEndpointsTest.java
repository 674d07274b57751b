// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.opennhi.api.common.CardApi;
import org.opennhi.api.common.Endpoint;

/**
 * The one table of the shared functions against its readers: both manuals' titles, and the drop-in native
 * libraries (native/src/exports_*.c, one source for both sets), whose exports cap each buffer at a size of their
 * own: every shared function must be exported there, with the table's buffer size.
 */
public class CardEndpointsTest {
    /** {@code read_buffer("name", …, 72)}, or the name ({@code nhi_begin}, {@code no_parameters}) and its buffer. */
    private static final Pattern READ = Pattern.compile("read_buffer\\(\"(\\w+)\",[^;]*?(\\w+)\\);");
    private static final Pattern BEGIN = Pattern.compile(
            "(?:nhi_begin\\(&c, NHI_SET, |no_parameters\\()\"(\\w+)\"");
    private static final Pattern BUFFER = Pattern.compile(
            "nhi_(?:icd10_)?buffer\\(&c, \"pBuffer\", \"iBufferLen\",[^;]*?(\\w+)\\);");
    /** exports.h's named sizes: {@code SIGNATURE = 40,}. */
    private static final Pattern SIZE = Pattern.compile("^\\s+([A-Z_]+) = (\\d+),?", Pattern.MULTILINE);

    @Test
    public void titlesFollowEachManual() {
        Map<String, Endpoint<CardApi>> v5 = CardEndpoints.shared(CardEndpoints.Manual.V5);
        Map<String, Endpoint<CardApi>> v3 = CardEndpoints.shared(CardEndpoints.Manual.V3);
        assertEquals(v5.keySet(), v3.keySet());
        assertEquals("讀取不需個人 PIN 碼資料", v5.get("hisGetBasicData").summary());
        assertEquals("掛號或報到時不需讀取個人 PIN 碼資料", v3.get("hisGetBasicData").summary());
        assertEquals("診間服務時讀取基本資料", v3.get("hisGetRegisterBasic").summary());
        assertEquals(v5.get("hisGetSeqNumber").summary(), v3.get("hisGetSeqNumber").summary());
        assertEquals(List.copyOf(v5.keySet()), List.copyOf(CardEndpoints.inManualOrder(v5).keySet()));
    }

    @Test
    public void theNativeLibrariesExportEverySharedFunctionWithItsBufferSize() throws IOException {
        Map<String, Integer> exported = nativeBufferSizes();
        for (Endpoint<CardApi> e : CardEndpoints.shared(CardEndpoints.Manual.V5).values()) {
            assertTrue(e.name() + " is exported by the native libraries", exported.containsKey(e.name()));
            if (e.bufferSize() > 0) {
                assertEquals(e.number() + " " + e.name() + ": the native buffer size", e.bufferSize(),
                        (int) exported.get(e.name()));
            }
        }
    }

    /** @return each export's forwarded function and its standard buffer's size (0 without one) */
    private static Map<String, Integer> nativeBufferSizes() throws IOException {
        Path src = Path.of("../../native/src"); // surefire runs in the module's folder
        assertTrue("the native sources at " + src.toAbsolutePath(), Files.isDirectory(src));
        Map<String, Integer> named = new HashMap<>();
        Matcher size = SIZE.matcher(Files.readString(src.resolve("exports.h")));
        while (size.find()) {
            named.put(size.group(1), Integer.parseInt(size.group(2)));
        }
        Map<String, Integer> sizes = new HashMap<>();
        for (String file : List.of("exports_card.c", "exports_visit.c", "exports_other.c")) {
            for (String export : Files.readString(src.resolve(file)).split("NHI_EXPORT int NHI_API ")) {
                Matcher read = READ.matcher(export);
                Matcher begin = BEGIN.matcher(export);
                if (read.find()) {
                    sizes.put(read.group(1), size(read.group(2), named));
                } else if (begin.find()) {
                    Matcher buffer = BUFFER.matcher(export);
                    sizes.put(begin.group(1), buffer.find() ? size(buffer.group(1), named) : 0);
                }
            }
        }
        return sizes;
    }

    private static int size(String token, Map<String, Integer> named) {
        // a size computed in the export (1.49's count × SIGNATURE) is not compared: the table says "per write"
        return token.chars().allMatch(Character::isDigit) ? Integer.parseInt(token) : named.getOrDefault(token, 0);
    }
}
