// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;

/** The documented answer while a facade is away: NHI shape, code 9005, which API set. */
public class FacadeAbsentServletTest {

    @Test
    public void nhiShapedAnswerNamingTheApiSet() {
        Map<String, Object> v5 = FacadeAbsentServlet.answer("/v5");
        assertEquals(9005, v5.get("code"));
        assertEquals("要求的函式無法執行", v5.get("message"));
        assertEquals("v5", v5.get("facade"));
        assertTrue(v5.get("detail").toString().contains("5.1.x API (/v5)"));
        assertTrue(FacadeAbsentServlet.answer("/v3").get("detail").toString().contains("3.5.x API (/v3)"));
    }

    @Test
    public void theFilterNamesTheApiSetFromThePath() {
        assertEquals("/v5", FacadeGoneFilter.firstSegment("/v5/hisGetBasicData"));
        assertEquals("/v3", FacadeGoneFilter.firstSegment("/v3"));
    }
}
