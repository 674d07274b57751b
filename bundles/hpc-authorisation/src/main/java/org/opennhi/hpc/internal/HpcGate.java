// SPDX-License-Identifier: Apache-2.0
package org.opennhi.hpc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.opennhi.contracts.card.RocDate;
import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SecureChannel;

/**
 * The HPC authorisation, outside any framework. A grant begins with a verified PIN and lasts while that HPC
 * stays in its reader; with fast authentication on, it lasts {@code fastAuth} from the verification whether the
 * HPC stays or not. The clock is injected so that 8 hours can pass in a test. Public (in a package that is not
 * exported) so that other modules' plain unit tests can run the real gate, e.g. the card engine's.
 */
public final class HpcGate implements HpcAuthorisation {
    private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");
    private static final byte[] GET_IDENTITY = HexFormat.of().parseHex("00CA1100020000");
    private static final int IDENTITY_LENGTH = 71;

    private final Clock clock;
    private final BooleanSupplier hpcPresent;
    private final Consumer<PlatformEvent> events;
    private volatile boolean fastAuthOn;
    private volatile Duration fastAuth;
    private HpcAuthorisation.Grant grant;

    /**
     * @param clock the clock fast authentication runs on
     * @param hpcPresent whether a card is in the HPC slot now
     * @param events told of verifications and of grants that begin and end
     * @param fastAuthOn whether fast authentication is on
     * @param fastAuth how long it holds
     */
    public HpcGate(Clock clock, BooleanSupplier hpcPresent, Consumer<PlatformEvent> events, boolean fastAuthOn,
            Duration fastAuth) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hpcPresent = Objects.requireNonNull(hpcPresent, "hpcPresent");
        this.events = Objects.requireNonNull(events, "events");
        this.fastAuthOn = fastAuthOn;
        this.fastAuth = Objects.requireNonNull(fastAuth, "fastAuth");
    }

    /** Fast authentication switched on or off, or its length changed: a running grant follows at once. */
    public synchronized void configure(boolean on, Duration length) {
        fastAuthOn = on;
        fastAuth = length;
        if (grant != null) {
            grant = new HpcAuthorisation.Grant(grant.hpcCardNumber(), grant.verifiedAt(),
                    on ? Optional.of(grant.verifiedAt().plus(length)) : Optional.empty());
        }
    }

    @Override
    public HpcAuthorisation.Grant verifyPin(CardSession hpc, SecureChannel channel, char[] pin) throws NhiException {
        if (hpc.slot() != Slot.HPC || channel.slot() != Slot.HPC) {
            throw new NhiException(ResultCode.NOT_AN_HPC, "a PIN is verified on the HPC only");
        }
        checkValidity(hpc, channel.cardNumber());
        String who = "HPC " + PlatformEvent.mask(channel.cardNumber());
        if (pin == null || pin.length < 4 || pin.length > 6 || !digitsOnly(pin)) {
            event(PlatformEvent.Type.PIN_VERIFICATION, ResultCode.PIN_MISMATCH, who + ": a PIN has 4–6 digits");
            throw new NhiException(ResultCode.PIN_MISMATCH, "a PIN has 4–6 digits (nothing was sent to the card)");
        }
        byte[] apdu = new byte[5 + pin.length]; // VERIFY carries the digits as they are (card-profile §3.6)
        apdu[1] = 0x20;
        apdu[3] = 0x01;
        apdu[4] = (byte) pin.length;
        for (int i = 0; i < pin.length; i++) {
            apdu[5 + i] = (byte) pin[i];
        }
        ResponseApdu answer;
        try {
            answer = hpc.transmit(apdu);
        } finally {
            Arrays.fill(apdu, (byte) 0);
        }
        int sw = answer.sw();
        if (sw != 0x9000) {
            ResultCode code = sw == 0x6983 ? ResultCode.HPC_STILL_LOCKED : ResultCode.PIN_MISMATCH;
            String why = (sw & 0xFFF0) == 0x63C0 ? (sw & 0x0F) + " tries left before the PIN blocks"
                    : sw == 0x6983 ? "the PIN is blocked; unlock it with the PUK (hpcUnlockHPC)"
                    : String.format("SW %04X", sw);
            event(PlatformEvent.Type.PIN_VERIFICATION, code, who + ": " + why);
            throw new NhiException(code, why);
        }
        Instant now = clock.instant();
        HpcAuthorisation.Grant g;
        synchronized (this) {
            g = new HpcAuthorisation.Grant(channel.cardNumber(), now,
                    fastAuthOn ? Optional.of(now.plus(fastAuth)) : Optional.empty());
            grant = g;
        }
        event(PlatformEvent.Type.PIN_VERIFICATION, ResultCode.SUCCESS, who + ": PIN verified");
        event(PlatformEvent.Type.HPC_AUTHORISATION, ResultCode.SUCCESS, who + g.fastAuthUntil()
                .map(u -> " authorised by fast authentication until " + u).orElse(" authorised while in its reader"));
        return g;
    }

    /** @return the grant that holds now */
    @Override
    public HpcAuthorisation.Grant require() throws NhiException {
        Optional<HpcAuthorisation.Grant> g = current();
        if (g.isPresent()) {
            return g.get();
        }
        if (hpcPresent.getAsBoolean()) {
            throw new NhiException(ResultCode.HPC_PIN_NOT_VERIFIED, "verify the HPC's PIN first (hpcVerifyHPCPIN)");
        }
        throw new NhiException(ResultCode.HPC_NOT_PRESENT, "insert the HPC and verify its PIN");
    }

    /** @return the grant that holds now, ending it first when its time is up or its HPC has left */
    @Override
    public Optional<HpcAuthorisation.Grant> current() {
        HpcAuthorisation.Grant ended = null;
        HpcAuthorisation.Grant now;
        synchronized (this) {
            if (grant != null) {
                boolean holds = grant.fastAuthUntil().map(until -> clock.instant().isBefore(until))
                        .orElseGet(hpcPresent::getAsBoolean);
                if (!holds) {
                    ended = grant;
                    grant = null;
                }
            }
            now = grant;
        }
        if (ended != null) {
            event(PlatformEvent.Type.HPC_AUTHORISATION, ResultCode.HPC_NOT_PRESENT, "HPC "
                    + PlatformEvent.mask(ended.hpcCardNumber()) + (ended.fastAuthUntil().isPresent()
                            ? ": fast authentication ended; verify the PIN again" : ": left its reader"));
        }
        return Optional.ofNullable(now);
    }

    /** The HPC left its reader: without fast authentication the grant ends now. */
    public void hpcLeft() {
        current();
    }

    @Override
    public void revoke() {
        HpcAuthorisation.Grant ended;
        synchronized (this) {
            ended = grant;
            grant = null;
        }
        if (ended != null) {
            event(PlatformEvent.Type.HPC_AUTHORISATION, ResultCode.HPC_PIN_NOT_VERIFIED, "HPC "
                    + PlatformEvent.mask(ended.hpcCardNumber()) + ": authorisation revoked");
        }
    }

    /** Public area {@code 00}: the card number must be the authenticated one and the card not expired. */
    private void checkValidity(CardSession hpc, String cardNumber) throws NhiException {
        ResponseApdu id = hpc.transmit(GET_IDENTITY);
        byte[] d = id.data();
        if (!id.isOk() || d.length < IDENTITY_LENGTH) {
            throw new NhiException(ResultCode.NOT_AN_HPC, String.format("the HPC's identity could not be read (%04X)",
                    id.sw()));
        }
        if (!new String(d, 0, 12, StandardCharsets.US_ASCII).equals(cardNumber)) {
            throw new NhiException(ResultCode.NOT_AN_HPC, "another card than the one the SAM authenticated");
        }
        String expiry = new String(d, 64, 7, StandardCharsets.US_ASCII);
        LocalDate last = RocDate.parseDate(expiry).orElseThrow(() -> new NhiException(ResultCode.NOT_AN_HPC,
                "the HPC's expiry date is not a date"));
        if (LocalDate.now(clock.withZone(TAIWAN)).isAfter(last)) {
            event(PlatformEvent.Type.PIN_VERIFICATION, ResultCode.HPC_EXPIRED, "HPC "
                    + PlatformEvent.mask(cardNumber) + ": expired " + last);
            throw new NhiException(ResultCode.HPC_EXPIRED, "the HPC expired on " + last);
        }
    }

    private static boolean digitsOnly(char[] pin) {
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void event(PlatformEvent.Type type, ResultCode code, String detail) {
        events.accept(new PlatformEvent(type, Optional.of(Slot.HPC), code.code(), detail, clock.instant()));
    }
}
