// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.Test;

public class JournalTest {
    record Row(String name, int n) {
    }

    @Test
    public void survivesReopenAndATornLastLine() throws Exception {
        Path dir = Files.createTempDirectory("journal");
        try (Journal j = new Journal(dir, true)) {
            j.put("t", "a", new Row("a", 1));
            j.put("t", "b", new Row("b", 2));
            j.remove("t", "b");
            j.put("t", "a", new Row("a", 3));
        }
        // a crash in the middle of the next write
        Files.writeString(dir.resolve("journal.jsonl"), "{\"t\":\"t\",\"k\":\"c\",\"v\":{\"na",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Journal j = new Journal(dir, true)) {
            assertEquals(new Row("a", 3), j.get("t", "a", Row.class));
            assertNull(j.get("t", "b", Row.class));
            assertNull(j.get("t", "c", Row.class));
            j.put("t", "d", new Row("d", 4));
        }
        try (Journal j = new Journal(dir, false)) {
            assertEquals(new Row("d", 4), j.get("t", "d", Row.class));
        }
    }
}
