// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.Authenticator;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.idc.internal.Hex;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * SAM ↔ IDC authentication (csVerifySAMDC), the same for cloud SAM files and physical SAM cards: the card
 * profile's mutual authentication with the SAM in the card's part (RND_C, C_C) and the IDC as host. For a
 * cloud SAM the first success binds the file to the PC's machine id; the same file from another machine id
 * is then refused with 9202, while an unused file may be installed anywhere.
 */
public final class SamAuthentication {
    private static final long PENDING_MILLIS = 120_000;

    private record Pending(String samId, String machineId, Authenticator.Pending auth, long expiresAt) {
    }

    private final Table<SamRecord> sams;
    private final Sessions sessions;
    private final Keyring keyring;
    private final Times times;
    private final SecureRandom random;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * @param sams the SAM registry
     * @param sessions where sessions are opened
     * @param keyring the master keys
     * @param times the clock
     * @param random randomness for RND_H and authentication ids
     */
    public SamAuthentication(Table<SamRecord> sams, Sessions sessions, Keyring keyring, Times times,
            SecureRandom random) {
        this.sams = sams;
        this.sessions = sessions;
        this.keyring = keyring;
        this.times = times;
        this.random = random;
    }

    /** Result of step 1: what the SAM needs to check the IDC and answer. */
    public record Begun(String authId, String hostData) {
    }

    /**
     * Step 1: the SAM sends its id, its PC's machine id and RND_C; the IDC answers RND_H || C_H.
     */
    public Begun begin(String samId, String hospitalId, String machineId, String rndCardHex) {
        checkMachineId(machineId);
        SamRecord sam = usable(samId, hospitalId);
        checkBinding(sam, machineId);
        byte[] rndCard = Hex.field(rndCardHex, 8, "rndCard");
        Environment env = Environment.ofId(samId).orElseThrow();
        Authenticator.Pending auth = new Authenticator(keyring.scheme(env), random).begin(CardKind.SAM, samId, rndCard);
        String authId = newId();
        expireOld();
        pending.put(authId, new Pending(samId, machineId, auth, times.millis() + PENDING_MILLIS));
        return new Begun(authId, Hex.of(auth.commandData()));
    }

    /**
     * Step 2: the SAM sends C_C; on success the IDC binds a cloud SAM file to the machine and opens a session.
     */
    public synchronized Session complete(String authId, String cardCryptogramHex) {
        Pending p = authId == null ? null : pending.remove(authId);
        if (p == null || p.expiresAt() < times.millis()) {
            throw new IdcException(401, ResultCode.IDC_SAM_AUTH_FAILED, "unknown or expired authId: begin again");
        }
        try {
            p.auth().complete(Hex.field(cardCryptogramHex, 16, "cardCryptogram"));
        } catch (AuthenticationException e) {
            throw new IdcException(401, ResultCode.IDC_SAM_AUTH_FAILED, "the SAM's cryptogram is wrong");
        }
        SamRecord sam = usable(p.samId(), null);
        checkBinding(sam, p.machineId());
        if (sam.kind == SamRecord.Kind.CLOUD && sam.boundMachineId == null) {
            sam.boundMachineId = p.machineId();
            sam.boundAt = times.iso();
            sams.put(sam.samId, sam);
        }
        return sessions.open(sam, p.machineId());
    }

    /** Frees a cloud SAM file from its PC (ops: the PC was replaced). */
    public synchronized SamRecord unbind(String samId) {
        SamRecord sam = sams.get(samId).orElseThrow(() -> IdcException.notFound(ResultCode.INVALID_SAM_FILE,
                "unknown SAM " + samId));
        sam.boundMachineId = null;
        sam.boundAt = null;
        sams.put(samId, sam);
        return sam;
    }

    private SamRecord usable(String samId, String hospitalId) {
        if (samId == null || !samId.matches("[09]\\d{11}")) {
            throw IdcException.badRequest("samId must be 12 digits starting with 9 or 0");
        }
        SamRecord sam = sams.get(samId).orElseThrow(() -> IdcException.notFound(ResultCode.INVALID_SAM_FILE,
                "SAM " + samId + " is unknown to this IDC"));
        if (hospitalId != null && !hospitalId.equals(sam.hospitalId)) {
            throw new IdcException(401, ResultCode.INVALID_SAM_FILE, "SAM " + samId + " does not belong to " + hospitalId);
        }
        if (sam.status == SamRecord.Status.REVOKED) {
            throw new IdcException(403, ResultCode.IDC_SAM_AUTH_FAILED, "SAM " + samId + " is revoked (已註銷)");
        }
        return sam;
    }

    private static void checkBinding(SamRecord sam, String machineId) {
        if (sam.kind == SamRecord.Kind.CLOUD && sam.boundMachineId != null && !sam.boundMachineId.equals(machineId)) {
            throw IdcException.conflict(ResultCode.SAM_FILE_BOUND_ELSEWHERE,
                    "SAM file " + sam.samId + " is already in use on another PC");
        }
    }

    private static void checkMachineId(String machineId) {
        if (machineId == null || !machineId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw IdcException.badRequest("machineId must be 1-64 characters A-Z a-z 0-9 . _ : -");
        }
    }

    private String newId() {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        return Hex.of(raw);
    }

    private void expireOld() {
        long now = times.millis();
        pending.values().removeIf(p -> p.expiresAt() < now);
    }
}
