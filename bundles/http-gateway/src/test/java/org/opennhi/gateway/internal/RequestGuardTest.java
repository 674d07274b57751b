// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Set;

import org.junit.Test;

public class RequestGuardTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789a";
    private final RequestGuard guard = new RequestGuard(ApiContext.loopbackHosts(7711),
            ApiContext.loopbackOrigins(7711), TOKEN);

    @Test
    public void acceptsLoopbackHostsWithTheApiPortOnly() {
        assertTrue(guard.checkCaller("127.0.0.1:7711", null).allowed());
        assertTrue(guard.checkCaller("LOCALHOST:7711", null).allowed());
        assertTrue(guard.checkCaller("[::1]:7711", null).allowed());
        assertEquals(403, guard.checkCaller("127.0.0.1:7712", null).status());
        assertEquals(403, guard.checkCaller("127.0.0.1", null).status());
    }

    @Test
    public void refusesForeignOrMissingHost() {
        Verdict evil = guard.checkCaller("evil.example", null);
        assertEquals(403, evil.status());
        assertEquals("host_not_allowed", evil.error());
        assertEquals(403, guard.checkCaller("evil.example:7711", null).status());
        assertEquals(403, guard.checkCaller(null, null).status());
        // DNS rebinding: a name that resolves to 127.0.0.1 is still not an allowed Host
        assertEquals(403, guard.checkCaller("127.0.0.1.nip.io:7711", null).status());
    }

    @Test
    public void acceptsOnlyExactlyListedOrigins() {
        assertTrue(guard.checkCaller("127.0.0.1:7711", "http://127.0.0.1:7711").allowed());
        Verdict evil = guard.checkCaller("127.0.0.1:7711", "http://evil.example");
        assertEquals(403, evil.status());
        assertEquals("origin_not_allowed", evil.error());
        assertEquals(403, guard.checkCaller("127.0.0.1:7711", "null").status());
        assertEquals(403, guard.checkCaller("127.0.0.1:7711", "http://127.0.0.1:7711.evil.example").status());
        assertEquals(403, guard.checkCaller("127.0.0.1:7711", "https://127.0.0.1:7711").status());
    }

    @Test
    public void wildcardAndNullAreNeverAllowedOrigins() {
        RequestGuard careless = new RequestGuard(Set.of("h:1"), Set.of("*", "null", "http://his.clinic"), TOKEN);
        assertFalse(careless.isAllowedOrigin("http://evil.example"));
        assertFalse(careless.isAllowedOrigin("null"));
        assertFalse(careless.isAllowedOrigin("*"));
        assertTrue(careless.isAllowedOrigin("http://his.clinic"));
    }

    @Test
    public void tokenMustMatchExactly() {
        assertTrue(guard.hasToken("Bearer " + TOKEN));
        assertTrue(guard.hasToken("bearer " + TOKEN));
        assertFalse(guard.hasToken(null));
        assertFalse(guard.hasToken("Bearer"));
        assertFalse(guard.hasToken("Bearer " + TOKEN.substring(1)));
        assertFalse(guard.hasToken("Bearer " + TOKEN + "x"));
        assertFalse(guard.hasToken("Basic " + TOKEN));
    }
}
