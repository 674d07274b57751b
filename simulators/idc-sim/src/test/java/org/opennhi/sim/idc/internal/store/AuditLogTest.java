// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

import com.google.gson.Gson;

public class AuditLogTest {
    @Test
    public void linesAreJsonThatReadsBackAndSurviveAReopen() throws Exception {
        AuditLog.Entry e = new AuditLog.Entry("2026-11-22T03:00:00Z", "127.0.0.1", null, "GET",
                "/v1/\"odd\\path\u0001", 404, 9005, 123);
        assertEquals(e, new Gson().fromJson(AuditLog.line(e), AuditLog.Entry.class));
        Path file = Files.createTempDirectory("audit").resolve("audit.jsonl");
        AuditLog log = new AuditLog(file);
        log.record(e);
        log.close();
        AuditLog reopened = new AuditLog(file);
        assertEquals(e, reopened.recent(10).get(0));
        reopened.close();
    }
}
