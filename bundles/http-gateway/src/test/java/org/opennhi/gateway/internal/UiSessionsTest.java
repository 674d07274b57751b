// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.Test;

public class UiSessionsTest {
    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    private final UiSessions sessions = new UiSessions(clock);

    @Test
    public void aLoginCodeOpensOneSessionForItsPageOnce() {
        String code = sessions.issueCode("/admin/");
        UiSessions.Login login = sessions.redeem(code).orElseThrow();
        assertEquals("/admin/", login.page());
        assertTrue(sessions.find(login.session().id()).isPresent());
        assertTrue("single use", sessions.redeem(code).isEmpty());
        assertTrue(sessions.redeem("made-up").isEmpty());
        assertTrue(sessions.redeem(null).isEmpty());
    }

    @Test
    public void codesAndSessionsExpire() {
        String code = sessions.issueCode("/watch/");
        clock.now = clock.now.plus(UiSessions.CODE_LIFETIME);
        assertTrue(sessions.redeem(code).isEmpty());
        UiSessions.Session s = sessions.open();
        clock.now = clock.now.plus(UiSessions.SESSION_LIFETIME).minus(Duration.ofSeconds(1));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertTrue(sessions.find(s.id()).isEmpty());
    }

    @Test
    public void onlyKnownPagesAndEachSessionHasItsOwnCsrfToken() {
        assertThrows(IllegalArgumentException.class, () -> sessions.issueCode("https://elsewhere.example/"));
        UiSessions.Session a = sessions.open();
        UiSessions.Session b = sessions.open();
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.csrfMatches(a.csrfToken()));
        assertFalse(a.csrfMatches(b.csrfToken()));
        assertFalse(a.csrfMatches(null));
        assertTrue("at least 256 bits", a.id().length() >= 43);
    }

    @Test
    public void closingEndsSessionsAndRotationEndsThemAll() {
        UiSessions.Session a = sessions.open();
        UiSessions.Session b = sessions.open();
        String code = sessions.issueCode("/watch/");
        sessions.close(a.id());
        assertTrue(sessions.find(a.id()).isEmpty());
        assertTrue(sessions.find(b.id()).isPresent());
        sessions.closeAll();
        assertTrue(sessions.find(b.id()).isEmpty());
        assertTrue(sessions.redeem(code).isEmpty());
    }

    @Test
    public void theNumberOfSessionsIsBounded() {
        UiSessions.Session first = sessions.open();
        for (int i = 0; i < 64; i++) {
            sessions.open();
        }
        assertTrue("the oldest made room", sessions.find(first.id()).isEmpty());
    }
}
