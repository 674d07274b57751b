// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/** One record per outermost call, with the transport, the engine's counts and the card's last 4 digits only. */
public class CallAuditTest {
    private final List<AuditRecord> records = new ArrayList<>();
    private final PlatformEvents sink = new PlatformEvents() {
        @Override
        public void publish(org.opennhi.contracts.platform.PlatformEvent event) {
        }

        @Override
        public void record(AuditRecord record) {
            records.add(record);
        }
    };
    private final CallAudit audit = new CallAudit("v5", Map.of("hisGetBasicData", "1.1"), () -> sink);

    @Test
    public void nestedCallsMakeOneRecordOfTheOutermost() {
        AuditContext.transport("native", "ctl");
        try {
            int rc = audit.run("hisGetBasicData", () -> {
                AuditContext.apdu(Slot.HC);
                AuditContext.card(Slot.HC, "900000000001");
                audit.run("inner", () -> {
                    AuditContext.apdu(Slot.HC);
                    AuditContext.cardWritten();
                });
                throw new NhiException(ResultCode.CARD_CANCELLED, "x");
            });
            assertEquals(ResultCode.CARD_CANCELLED.code(), rc);
        } finally {
            AuditContext.clearTransport();
        }
        assertEquals(1, records.size());
        AuditRecord r = records.get(0);
        assertEquals("hisGetBasicData", r.function());
        assertEquals("1.1", r.number());
        assertEquals("native", r.facade());
        assertEquals("ctl", r.caller());
        assertEquals("HC", r.slot());
        assertEquals("********0001", r.card());
        assertEquals(ResultCode.CARD_CANCELLED.code(), r.code());
        assertEquals(2, r.apdus());
        assertEquals(true, r.written());
        assertFalse(r.toString().contains("900000000001"));

        audit.run("csGetDateTime", () -> { });
        AuditRecord java = records.get(1);
        assertEquals("v5", java.facade());
        assertEquals("java", java.caller());
        assertEquals("", java.card());
        assertEquals(0, java.apdus());
        AuditContext.apdu(Slot.HC); // outside a call: counts nothing
        audit.run("x", () -> { });
        assertEquals(0, records.get(2).apdus());
    }
}
