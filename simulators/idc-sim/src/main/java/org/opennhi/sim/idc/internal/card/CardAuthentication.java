// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.card;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.MutualAuthentication;
import org.opennhi.sim.idc.internal.Hex;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.sam.Keyring;
import org.opennhi.sim.idc.internal.sam.Session;

/**
 * Card authentication for cloud SAMs: the IDC holds the master keys a physical SAM would hold and runs the
 * host side of the card profile's mutual authentication for an HC or HPC, relayed by the platform. A test
 * SAM never authenticates a production card or the other way round (9203), and the refusal comes before the
 * IDC computes anything, so no authentication command that could lock the card is ever produced.
 */
public final class CardAuthentication {
    private static final long PENDING_MILLIS = 120_000;
    private static final long AUTHENTICATED_MILLIS = 600_000;

    private record Pending(String samId, CardKind kind, String cardNo, byte[] cardKey, byte[] rndCard,
            byte[] rndHost, long expiresAt) {
    }

    private record Authenticated(long atMillis) {
    }

    /** What the platform sends to the card as MUTUAL AUTHENTICATE data (RND_H || C_H). */
    public record Begun(String authId, String hostData) {
    }

    /** What the platform gets once the card proved itself: the session MAC key K_S for its writes. */
    public record Completed(String kind, String cardNo, String sessionKey) {
    }

    private final Keyring keyring;
    private final Times times;
    private final SecureRandom random;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Authenticated> authenticated = new ConcurrentHashMap<>();

    /**
     * @param keyring the master keys
     * @param times the clock
     * @param random randomness for RND_H and ids
     */
    public CardAuthentication(Keyring keyring, Times times, SecureRandom random) {
        this.keyring = keyring;
        this.times = times;
        this.random = random;
    }

    /** Step 1: the card's RND_C in, RND_H || C_H out. */
    public Begun begin(Session session, String kindName, String cardNo, String rndCardHex) {
        CardKind kind = kind(kindName);
        if (cardNo == null || !cardNo.matches("[0-9A-Z]{12}")) {
            throw IdcException.badRequest("cardNo must be 12 characters 0-9 A-Z");
        }
        Environment samEnv = Environment.ofId(session.samId()).orElseThrow();
        Environment cardEnv = Environment.ofId(cardNo).orElse(null);
        if (cardEnv != samEnv) {
            throw new IdcException(409, ResultCode.TEST_PRODUCTION_MIX, "a " + samEnv + " SAM cannot authenticate card "
                    + cardNo.charAt(0) + "…: test ids start with 9, production ids with 0");
        }
        byte[] rndCard = Hex.field(rndCardHex, MutualAuthentication.RANDOM_LENGTH, "rndCard");
        byte[] rndHost = new byte[MutualAuthentication.RANDOM_LENGTH];
        random.nextBytes(rndHost);
        byte[] cardKey = keyring.scheme(samEnv).cardKey(kind, cardNo);
        byte[] hostCryptogram = MutualAuthentication.hostCryptogram(cardKey, rndCard, rndHost);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String authId = Hex.of(id);
        long now = times.millis();
        pending.values().removeIf(p -> p.expiresAt() < now);
        pending.put(authId, new Pending(session.samId(), kind, cardNo, cardKey, rndCard, rndHost, now + PENDING_MILLIS));
        return new Begun(authId, Hex.of(rndHost) + Hex.of(hostCryptogram));
    }

    /** Step 2: the card's C_C in; the session MAC key out. */
    public Completed complete(Session session, String authId, String cardCryptogramHex) {
        Pending p = authId == null ? null : pending.remove(authId);
        if (p == null || p.expiresAt() < times.millis() || !p.samId().equals(session.samId())) {
            throw new IdcException(401, ResultCode.CLOUD_SAM_HC_AUTH_FAILED, "unknown or expired authId: begin again");
        }
        byte[] cc = Hex.field(cardCryptogramHex, MutualAuthentication.CRYPTOGRAM_LENGTH, "cardCryptogram");
        byte[] expected = MutualAuthentication.cardCryptogram(p.cardKey(), p.rndHost(), p.rndCard());
        if (!MutualAuthentication.equal(expected, cc)) {
            throw new IdcException(401, p.kind() == CardKind.HPC ? ResultCode.CLOUD_SAM_HPC_AUTH_FAILED
                    : ResultCode.CLOUD_SAM_HC_AUTH_FAILED, "the card's cryptogram is wrong");
        }
        authenticated.put(key(p.samId(), p.kind(), p.cardNo()), new Authenticated(times.millis()));
        byte[] sessionKey = MutualAuthentication.sessionKey(p.cardKey(), p.rndCard(), p.rndHost());
        return new Completed(p.kind().name(), p.cardNo(), Hex.of(sessionKey));
    }

    /** @return true when the SAM authenticated this card in the last 10 minutes */
    public boolean recentlyAuthenticated(String samId, CardKind kind, String cardNo) {
        Authenticated a = authenticated.get(key(samId, kind, cardNo));
        return a != null && times.millis() - a.atMillis() <= AUTHENTICATED_MILLIS;
    }

    private static String key(String samId, CardKind kind, String cardNo) {
        return samId + '/' + kind + '/' + cardNo;
    }

    private static CardKind kind(String name) {
        if ("HC".equals(name)) {
            return CardKind.HC;
        }
        if ("HPC".equals(name)) {
            return CardKind.HPC;
        }
        throw IdcException.badRequest("kind must be HC or HPC");
    }
}
