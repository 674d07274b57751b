// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * SAM sessions: created by a successful SAM authentication, presented as {@code Authorization: Bearer}.
 * Stored durably so that an IDC restart does not force every PC to authenticate again.
 */
public final class Sessions {
    /** How long a SAM session lasts. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    private final Table<Session> table;
    private final Table<SamRecord> sams;
    private final Times times;
    private final SecureRandom random;

    /**
     * @param table sessions by token
     * @param sams the SAM registry (a revoked SAM's sessions stop working)
     * @param times the clock
     * @param random token randomness
     */
    public Sessions(Table<Session> table, Table<SamRecord> sams, Times times, SecureRandom random) {
        this.table = table;
        this.sams = sams;
        this.times = times;
        this.random = random;
        long now = times.millis();
        for (Session s : table.values()) {
            if (s.expiresAtMillis() <= now) {
                table.remove(s.token()); // keeps the journal from growing with dead sessions
            }
        }
    }

    /** Opens a session for an authenticated SAM. */
    public Session open(SamRecord sam, String machineId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), sam.samId,
                sam.hospitalId, machineId, times.iso(), times.millis() + LIFETIME.toMillis());
        table.put(s.token(), s);
        return s;
    }

    /**
     * @param authorization the {@code Authorization} header
     * @return the live session it names
     * @throws IdcException 401 with 4050 when there is none, it expired, or its SAM was revoked
     */
    public Session require(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IdcException(401, ResultCode.SAM_NOT_AUTHENTICATED, "authenticate the SAM first (Bearer token missing)");
        }
        Session s = table.get(authorization.substring(7).trim()).orElseThrow(() -> new IdcException(401,
                ResultCode.SAM_NOT_AUTHENTICATED, "unknown SAM session: authenticate the SAM again"));
        if (times.millis() >= s.expiresAtMillis()) {
            throw new IdcException(401, ResultCode.SAM_NOT_AUTHENTICATED, "the SAM session expired: authenticate again");
        }
        SamRecord sam = sams.get(s.samId()).orElseThrow();
        if (sam.status == SamRecord.Status.REVOKED) {
            throw new IdcException(403, ResultCode.IDC_SAM_AUTH_FAILED, "SAM " + s.samId() + " is revoked (已註銷)");
        }
        return s;
    }
}
