// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;
import org.opennhi.contracts.result.NhiException;

/**
 * KNOWN GAP, kept visible on purpose: NHI's ICD-10 packing (押碼) is not published, and its published pairs
 * (the 3.3 test kit) do not follow a positional rule that could be derived (docs/card-engine.md,
 * "ICD-10 packing"). The platform therefore packs with its own reversible scheme of the same alphabet and
 * length. This test asserts that the official vectors do NOT match yet; when NHI's mapping becomes available
 * and is implemented, this test fails and must be turned into a plain vector test.
 */
public class Icd10OfficialVectorsGapTest {
    /** ICD-10-CM code → NHI's packed form. */
    static final Map<String, String> OFFICIAL = new LinkedHashMap<>();

    static {
        OFFICIAL.put("G44201", "\"M7WK");
        OFFICIAL.put("G44209", "\"M830");
        OFFICIAL.put("G44211", "\"M86W");
        OFFICIAL.put("G44219", "\"M8FC");
        OFFICIAL.put("G44221", "\"M8JG");
        OFFICIAL.put("G44229", "\"M8YG");
        OFFICIAL.put("O320XX0", "%}3RK");
        OFFICIAL.put("O320XX1", "%}3RO");
        OFFICIAL.put("O320XX2", "%}3RS");
        OFFICIAL.put("O320XX3", "%}3RW");
        OFFICIAL.put("O320XX4", "%}3S0");
        OFFICIAL.put("O320XX5", "%}3S4");
        OFFICIAL.put("H401324", "#:5BK");
    }

    @Test
    public void officialVectorsDoNotMatchOurPackingYet() throws NhiException {
        for (Map.Entry<String, String> v : OFFICIAL.entrySet()) {
            String ours = Icd10Codes.pack(v.getKey());
            assertNotEquals("GAP: NHI's 押碼 of " + v.getKey() + " is unpublished; ours differs (see "
                    + "docs/card-engine.md). If this fails, the official mapping was implemented: make this a "
                    + "vector test.", v.getValue(), ours);
            // what we can match we do: 5 bytes starting with one of the 20 lead symbols
            assertEquals(v.getValue().length(), ours.length());
            assertTrue(Icd10Codes.isPacked(v.getValue()));
            assertTrue(Icd10Codes.isPacked(ours));
        }
    }
}
