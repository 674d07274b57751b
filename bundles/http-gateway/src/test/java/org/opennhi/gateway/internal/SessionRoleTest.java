// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SessionRoleTest {
    @Test
    public void aWatchSessionOnlyReadsTheStatusAndTheLights() {
        SessionRole watch = SessionRole.forPage("/watch/");
        assertEquals(SessionRole.WATCH, watch);
        assertTrue(watch.allows("GET", "/events"));
        assertTrue(watch.allows("GET", "/status"));
        assertTrue(watch.allows("GET", "/watch/watch.js"));
        assertTrue(watch.allows("POST", "/ui/logout"));
        assertFalse(watch.allows("POST", "/admin/api/stop"));
        assertFalse(watch.allows("GET", "/admin/api/log"));
        assertFalse(watch.allows("PUT", "/settings/platform"));
        assertFalse(watch.allows("POST", "/status"));
    }

    @Test
    public void noSessionCallsTheHisFunctions() {
        for (SessionRole role : SessionRole.values()) {
            assertFalse(role.allows("POST", "/v5/hisGetBasicData"));
            assertFalse(role.allows("POST", "/v3/csGetCardNo"));
            assertFalse(role.allows("POST", "/ui/link"));
        }
        assertTrue(SessionRole.ADMIN.allows("POST", "/admin/api/rescan"));
        assertTrue(SessionRole.ADMIN.allows("PUT", "/settings/platform"));
        assertEquals(SessionRole.ADMIN, SessionRole.forPage("/admin/"));
    }
}
