// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Browser sessions of the local web pages (watch overlay, admin console). A browser cannot put the client token
 * in an {@code EventSource} or a page load, so a token holder asks for a short-lived, single-use login code
 * ({@code nhi-cs ctl ui-link}); redeeming it (or pasting the token into the login form) opens a session carried
 * by an HttpOnly, SameSite=Strict cookie. Each session has its own CSRF token that every state-changing request
 * must echo in a header. Sessions live in memory only: a restart logs browsers out. Pure logic; the clock is
 * injectable for tests.
 */
@Component(service = UiSessions.class)
public final class UiSessions {
    /** Cookie name of a session. */
    static final String COOKIE = "opennhi_ui";
    /** Header a cookie-authenticated state-changing request must carry. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Pages a login may lead to: nothing else, so a login link cannot send a browser elsewhere. */
    static final Set<String> PAGES = Set.of("/watch/", "/admin/");

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final int MAX_CODES = 32;
    private static final int MAX_SESSIONS = 64;

    /** An open browser session; its role comes from the page its login was for. */
    record Session(String id, String csrfToken, Instant expires, SessionRole role) {
        /** @return whether {@code presented} is this session's CSRF token (constant time) */
        boolean csrfMatches(String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
                    csrfToken.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private record Code(String page, Instant expires) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    @Activate
    public UiSessions() {
        this(Clock.systemUTC());
    }

    UiSessions(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param page one of {@link #PAGES}
     * @return a single-use login code for that page
     */
    synchronized String issueCode(String page) {
        if (!PAGES.contains(page)) {
            throw new IllegalArgumentException("no such page: " + page);
        }
        prune();
        evictOldest(codes, MAX_CODES);
        String code = randomToken(16);
        codes.put(code, new Code(page, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** A redeemed login: the new session and the page to show. */
    record Login(Session session, String page) {
    }

    /** @return the session the code opens, once; empty for an unknown, used or expired code */
    synchronized Optional<Login> redeem(String code) {
        prune();
        Code c = code == null ? null : codes.remove(code);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new Login(open(SessionRole.forPage(c.page())), c.page()));
    }

    /** @return a new admin session (after the client token was pasted into the login form: its holder is admin) */
    Session open() {
        return open(SessionRole.ADMIN);
    }

    /** @return a new session with this role */
    synchronized Session open(SessionRole role) {
        prune();
        evictOldest(sessions, MAX_SESSIONS);
        Session s = new Session(randomToken(32), randomToken(32), clock.instant().plus(SESSION_LIFETIME), role);
        sessions.put(s.id(), s);
        return s;
    }

    /** @return whether this is a live, unused login code (the code is a credential: it skips the anonymous limits) */
    synchronized boolean isLiveCode(String code) {
        if (code == null) {
            return false;
        }
        Code c = codes.get(code);
        return c != null && c.expires().isAfter(clock.instant());
    }

    /** @return the live session with this id */
    synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        prune();
        return Optional.ofNullable(sessions.get(id));
    }

    synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session and code, e.g. when the client token is rotated. */
    synchronized void closeAll() {
        sessions.clear();
        codes.clear();
    }

    private void prune() {
        Instant now = clock.instant();
        codes.values().removeIf(c -> !c.expires().isAfter(now));
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
    }

    private static <V> void evictOldest(Map<String, V> map, int max) {
        Iterator<String> it = map.keySet().iterator();
        while (map.size() >= max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
