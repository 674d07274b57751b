// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.Authenticator;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.KeyScheme;
import org.opennhi.card.crypto.MasterKeys;
import org.opennhi.card.crypto.Signatures;

/**
 * A simulated SAM that holds its environment's master key, as a physical SAM card does, and runs the card
 * profile's mutual authentication (docs/card-profile.md §1.4, §1.8) itself in the host: the real protocol, so
 * the simulated cards accept it or count a failure. Signatures are the profile's keyed digests (§1.6). For
 * tests of the card engine and the facades, which need a SAM whatever the SAM plugins can do; it needs no
 * IDC ({@link #authenticateWithIdc} does nothing). Register it as a {@link SamPlugin} with a service ranking
 * above the installed plugin of the same mode to use it in a running platform.
 */
public final class SimulatedSam implements SamPlugin {
    private final Institution institution;
    private final KeyScheme scheme;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger authentications = new AtomicInteger();

    /** @param institution whose SAM this is (its SAM id names the environment) */
    public SimulatedSam(Institution institution) {
        this.institution = institution;
        this.scheme = new KeyScheme(MasterKeys.simulated(Environment.ofId(institution.samId()).orElseThrow()));
    }

    /** @return card authentications run so far */
    public int authentications() {
        return authentications.get();
    }

    @Override
    public SamStatus status() {
        return SamStatus.AUTHENTICATED;
    }

    @Override
    public Optional<SamIdentity> identity() {
        return Optional.of(new SamIdentity(institution.hospitalId(), institution.name(), institution.shortName(),
                institution.samId()));
    }

    @Override
    public void authenticateWithIdc(Progress progress) {
        if (progress != null) {
            progress.update(1, 1, "the simulated SAM needs no IDC");
        }
    }

    /**
     * Selects the card's application and reads its public card number, as the platform's SAM service does
     * before it calls a plugin, then authenticates: for callers that use this SAM without that service.
     */
    public SecureChannel authenticateCard(CardSession session) throws NhiException {
        String aid = session.slot() == Slot.HC ? "11" : "31";
        ok(session, "00A4040010" + "D158000001000000000000000000" + aid + "00");
        byte[] basic = ok(session, "00CA1100020000");
        return authenticateCard(session, new String(basic, 0, 12, StandardCharsets.US_ASCII));
    }

    @Override
    public SecureChannel authenticateCard(CardSession session, String cardNo) throws NhiException {
        CardKind kind = session.slot() == Slot.HC ? CardKind.HC : CardKind.HPC;
        if (cardNo.charAt(0) != institution.samId().charAt(0)) {
            throw new NhiException(ResultCode.TEST_PRODUCTION_MIX, "test and production do not mix");
        }
        byte[] rndC = ok(session, "0084000008");
        Authenticator.Pending p = new Authenticator(scheme, random).begin(kind, cardNo, rndC);
        byte[] cmd = HexFormat.of().parseHex("8082000018" + HexFormat.of().formatHex(p.commandData()) + "10");
        ResponseApdu r = session.transmit(cmd);
        if (!r.isOk()) {
            throw new NhiException(kind == CardKind.HC ? ResultCode.CLOUD_SAM_HC_AUTH_FAILED
                    : ResultCode.CLOUD_SAM_HPC_AUTH_FAILED, String.format("MUTUAL AUTHENTICATE %04X", r.sw()));
        }
        try {
            org.opennhi.card.crypto.SecureChannel channel = p.complete(r.data());
            authentications.incrementAndGet();
            return new SecureChannel() {
                @Override
                public Slot slot() {
                    return session.slot();
                }

                @Override
                public String cardNumber() {
                    return cardNo;
                }

                @Override
                public byte[] protect(byte[] plainCommand) {
                    return channel.wrap(plainCommand);
                }
            };
        } catch (AuthenticationException e) {
            throw new NhiException(ResultCode.HC_INTERNAL_AUTH_FAILED, "card cryptogram wrong");
        }
    }

    @Override
    public byte[] sign(SignatureType type, byte[] data) {
        byte[] key = scheme.signingKey(CardKind.SAM, institution.samId());
        if (type == SignatureType.VISIT_PRINTABLE) {
            return HexFormat.of().withUpperCase().formatHex(Signatures.sign(key, data, 128))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return Signatures.sign(key, data, type.length());
    }

    /** A simulated SAM has no IDC session: every IDC route is out of reach, as with the network down. */
    @Override
    public String callIdc(String route, String jsonBody) throws NhiException {
        throw new NhiException(ResultCode.NETWORK_DOWN, "a simulated SAM has no IDC session");
    }

    /** An IDC route standing in for {@link #callIdc}. */
    @FunctionalInterface
    public interface IdcCall {
        /** @return the IDC's answer to a request, as {@link SamService#callIdc} */
        String call(String route, String jsonBody) throws NhiException;
    }

    /** @return {@link #asService(IdcCall)} with this SAM's own (unreachable) IDC */
    public SamService asService() {
        return asService(this::callIdc);
    }

    /**
     * @param idc where the service's IDC calls go
     * @return this SAM as the card engine sees a SAM service in mode {@code cloud}; a caller that has read the
     *         card number already authenticates with two APDUs, as through the platform's SAM service
     */
    public SamService asService(IdcCall idc) {
        SimulatedSam sam = this;
        return new SamService() {
            @Override
            public String mode() {
                return "cloud";
            }

            @Override
            public SamStatus status() {
                return sam.status();
            }

            @Override
            public Optional<SamIdentity> identity() {
                return sam.identity();
            }

            @Override
            public void authenticateWithIdc(Progress progress) {
                sam.authenticateWithIdc(progress);
            }

            @Override
            public SecureChannel authenticateCard(CardSession session) throws NhiException {
                return sam.authenticateCard(session);
            }

            @Override
            public SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException {
                return sam.authenticateCard(session, cardNumber);
            }

            @Override
            public byte[] sign(SignatureType type, byte[] data) {
                return sam.sign(type, data);
            }

            @Override
            public String callIdc(String route, String jsonBody) throws NhiException {
                return idc.call(route, jsonBody);
            }

            @Override
            public String offlineTreatmentId(LocalDateTime visit, String idNumber) throws NhiException {
                return sam.offlineTreatmentId(visit, idNumber);
            }
        };
    }

    /** @return true when the signature is this SAM's over data */
    public boolean verifies(SignatureType type, byte[] data, byte[] signature) {
        return Arrays.equals(sign(type, data), signature);
    }

    private static byte[] ok(CardSession s, String hex) throws NhiException {
        ResponseApdu r = s.transmit(HexFormat.of().parseHex(hex));
        if (!r.isOk()) {
            throw new NhiException(ResultCode.NOT_AN_HC, String.format("%s answered %04X", hex, r.sw()));
        }
        return r.data();
    }
}
