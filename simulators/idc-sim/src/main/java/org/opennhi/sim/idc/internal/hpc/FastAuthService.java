// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.hpc;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.card.CardAuthentication;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * HPC fast authentication: a token valid 8 hours on the IDC's clock, issued only for an HPC the IDC
 * authenticated for the same SAM in the last 10 minutes and whose PIN the platform verified on the card.
 * The newest token of an HPC wins: an older one from another PC answers 9267 (logged in elsewhere).
 */
public final class FastAuthService {
    /** How long a fast-auth token lasts. */
    public static final Duration VALIDITY = Duration.ofHours(8);

    private final Table<FastAuthToken> tokens;
    private final Table<String> latestByHpc;
    private final CardAuthentication cards;
    private final Times times;
    private final SecureRandom random;

    /**
     * @param tokens tokens by value
     * @param latestByHpc the newest token of each HPC
     * @param cards which cards were authenticated
     * @param times the clock
     * @param random token randomness
     */
    public FastAuthService(Table<FastAuthToken> tokens, Table<String> latestByHpc, CardAuthentication cards,
            Times times, SecureRandom random) {
        this.tokens = tokens;
        this.latestByHpc = latestByHpc;
        this.cards = cards;
        this.times = times;
        this.random = random;
    }

    /** Issues a token. */
    public synchronized FastAuthToken issue(Session session, String hpcCardNo, boolean pinVerified) {
        if (hpcCardNo == null || !hpcCardNo.matches("[0-9A-Z]{12}")) {
            throw IdcException.badRequest("hpcCardNo must be 12 characters 0-9 A-Z");
        }
        if (!pinVerified) {
            throw new IdcException(403, ResultCode.HPC_PIN_NOT_VERIFIED, "verify the HPC's PIN on the card first");
        }
        if (!cards.recentlyAuthenticated(session.samId(), CardKind.HPC, hpcCardNo)) {
            throw new IdcException(401, ResultCode.CLOUD_SAM_HPC_AUTH_FAILED,
                    "authenticate the HPC with this SAM (cards/auth) within 10 minutes before asking for fast auth");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        FastAuthToken t = new FastAuthToken(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), hpcCardNo,
                session.samId(), session.machineId(), times.iso(), times.millis() + VALIDITY.toMillis());
        tokens.put(t.token(), t);
        latestByHpc.put(hpcCardNo, t.token());
        return t;
    }

    /**
     * @return the token when it is still good
     * @throws IdcException 401/9251 when unknown or expired, 409/9267 when the HPC logged in on another PC since
     */
    public FastAuthToken check(String token) {
        FastAuthToken t = tokens.get(token).orElseThrow(() -> new IdcException(401, ResultCode.VIRTUAL_HPC_TIMED_OUT,
                "unknown fast-auth token: verify the HPC's PIN again"));
        if (times.millis() >= t.expiresAtMillis()) {
            throw new IdcException(401, ResultCode.VIRTUAL_HPC_TIMED_OUT, "the 8-hour fast authentication ended");
        }
        String latest = latestByHpc.get(t.hpcCardNo()).orElse(t.token());
        if (!latest.equals(t.token())) {
            FastAuthToken newer = tokens.get(latest).orElse(null);
            if (newer != null && !newer.machineId().equals(t.machineId())) {
                throw new IdcException(409, ResultCode.HPC_LOGGED_IN_ELSEWHERE, "this HPC logged in on another PC");
            }
        }
        return t;
    }

    /** Ends a token (logout). */
    public synchronized void revoke(String token) {
        tokens.get(token).ifPresent(t -> {
            tokens.remove(token);
            if (latestByHpc.get(t.hpcCardNo()).map(token::equals).orElse(false)) {
                latestByHpc.remove(t.hpcCardNo());
            }
        });
    }
}
