// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.engine.BasicProfile;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.PinSource;

/**
 * One operation's conversation with the HC inside one reader session. Sends a command only when the cache
 * cannot answer; selects, authenticates and asks for the PIN only when the card says it needs it (the card
 * keeps its applet selected and its authentication between reader sessions, so most operations skip them).
 * The SAM's secure channel stays with the card's state as long as the card keeps its session, so a visit after
 * a read needs no second authentication; a kept channel the card or SAM no longer honours is renewed once.
 */
final class HcConversation {
    private final CardSession session;
    private final SamService sam;
    private final HcState state;
    private final PinSource pin;

    HcConversation(CardSession session, SamService sam, HcState state, PinSource pin) {
        this.session = session;
        this.sam = sam;
        this.state = state;
        this.pin = pin;
    }

    /** @return the area's content, from the cache or the card */
    byte[] area(HcArea area) throws NhiException {
        byte[] cached = state.area(area);
        if (cached != null) {
            return cached.clone();
        }
        byte[] content = readFromCard(area);
        state.put(area, content);
        return content;
    }

    /** @return the area as the cache holds it, or null: never asks the card */
    byte[] cached(HcArea area) {
        byte[] b = state.area(area);
        return b == null ? null : b.clone();
    }

    private byte[] readFromCard(HcArea area) throws NhiException {
        needsCard();
        int length = area.recordLength();
        int records = area.records();
        int perCommand = Math.max(1, 256 / length);
        if (area.pinProtected() && Boolean.TRUE.equals(state.pinEnabled) && !state.pinVerified) {
            authenticate();
            verifyPin();
        } else if (area.access() != HcArea.Access.PUBLIC && !state.authenticated) {
            authenticate();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length * records);
        for (int first = 1; first <= records; first += perCommand) {
            int count = Math.min(perCommand, records - first + 1);
            byte[] command = records <= perCommand ? Commands.read(area.id(), 0, 0, length * records)
                    : Commands.read(area.id(), first, count, length * count);
            out.writeBytes(readChunk(area, command, length * count));
        }
        return out.toByteArray();
    }

    private byte[] readChunk(HcArea area, byte[] command, int expected) throws NhiException {
        for (int attempt = 0; attempt < 4; attempt++) {
            ResponseApdu r = transmitSelected(CardCommand.READ, command);
            CardCommand.Answer answer = CardCommand.READ.answer(r.sw());
            if (answer.outcome() == CardCommand.Outcome.DONE) {
                byte[] data = r.data();
                if (data.length != expected) {
                    throw new NhiException(ResultCode.HC_IO_ERROR, String.format(
                            "area %02X answered %d bytes, not %d", area.id(), data.length, expected));
                }
                return data;
            }
            if (answer.outcome() != CardCommand.Outcome.NEEDS_SECURITY) {
                throw CardCommand.READ.failure(r.sw(), null, String.format("area %02X", area.id()));
            }
            // The card wants authentication, or (authenticated already) the holder's PIN, or it forgot both.
            if (!state.authenticated) {
                authenticate();
            } else if (area.pinProtected() && !state.pinVerified) {
                state.pinEnabled = true;
                verifyPin();
            } else {
                authenticate();
            }
        }
        throw new NhiException(ResultCode.INSUFFICIENT_CARD_PERMISSION, String.format(
                "area %02X stays unreadable after authentication", area.id()));
    }

    /** Sends a command, selecting the HC applet first when the card forgot it (its table says which answer that is). */
    ResponseApdu transmitSelected(CardCommand kind, byte[] command) throws NhiException {
        needsCard();
        if (!state.selected) {
            select();
        }
        ResponseApdu r = session.transmit(command);
        if (kind.answer(r.sw()).outcome() == CardCommand.Outcome.NOT_SELECTED) {
            state.cardReset();
            select();
            r = session.transmit(command);
        }
        return r;
    }

    void select() throws NhiException {
        ResponseApdu r = session.transmit(Commands.SELECT_HC);
        if (!r.isOk()) {
            throw CardCommand.SELECT_HC.failure(r.sw());
        }
        state.selected = true;
        state.authenticated = false;
        state.pinVerified = false;
    }

    /** Mutual authentication through the SAM; the SAM authenticates with the IDC first when it has not yet. */
    void authenticate() throws NhiException {
        needsCard();
        if (sam.status() == SamStatus.NOT_AUTHENTICATED) {
            sam.authenticateWithIdc(org.opennhi.contracts.platform.Progress.NONE);
        }
        byte[] basic = state.area(HcArea.BASIC_PROFILE); // its first 12 bytes are the number the SAM service would read again
        state.channel = basic != null && state.selected ? sam.authenticateCard(session, new String(basic, 0,
                12, java.nio.charset.StandardCharsets.US_ASCII)) : sam.authenticateCard(session);
        state.selected = true;
        state.authenticated = true;
        state.pinVerified = false;
    }

    /** Verifies the holder's PIN from the caller's PIN source. */
    void verifyPin() throws NhiException {
        needsCard();
        char[] digits = pin.pin(PinSource.Purpose.HC_PIN);
        byte[] ascii = Pins.digits(digits);
        try {
            ResponseApdu r = session.transmit(Commands.verify(ascii));
            switch (CardCommand.VERIFY_HC_PIN.answer(r.sw()).outcome()) {
                case DONE -> {
                    state.pinVerified = true;
                    state.pinEnabled = true;
                }
                case NO_PIN -> state.pinEnabled = false;
                default -> throw CardCommand.VERIFY_HC_PIN.failure(r.sw());
            }
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    /**
     * Sends writes on the card's SAM channel (a new one when none is kept). Two or more go as one write set
     * (docs/card-profile.md §3.5.1): the card stores all of them at the commit or none, so a card pulled (or a
     * platform killed) mid-operation never keeps half a visit. The cache takes the new contents only once the
     * card has stored them.
     */
    void write(ResultCode failure, Write... writes) throws NhiException {
        needsCard();
        if (writes.length > 255) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "more than 255 writes in one operation");
        }
        boolean kept = state.channel != null;
        if (!kept) {
            authenticate();
        }
        try {
            send(failure, writes);
        } catch (StaleChannel e) {
            if (!kept) {
                throw e.cause;
            }
            authenticate(); // the card or the SAM forgot the session the channel belonged to: one new one
            send(failure, writes);
        }
        AuditContext.cardWritten(); // the card stored the writes (a set: at its commit)
    }

    private void send(ResultCode failure, Write... writes) throws NhiException {
        boolean set = writes.length > 1;
        if (set) {
            send(failure, CardCommand.BEGIN_WRITE_SET, Commands.beginWriteSet(), null, false, true);
        }
        boolean first = true; // a set's BEGIN is not MACed: its first write is where a stale channel shows too
        for (Write w : writes) {
            send(failure, CardCommand.WRITE, w.command(), w.area(), true, first);
            first = false;
            if (!set) {
                remember(w);
            }
        }
        if (set) {
            send(failure, CardCommand.COMMIT_WRITE_SET, Commands.commitWriteSet(writes.length), null, true, false);
            for (Write w : writes) {
                remember(w);
            }
        }
    }

    /** @param opening the operation's first command: a refusal there may mean no more than a stale channel */
    private void send(ResultCode failure, CardCommand kind, byte[] command, HcArea area, boolean protect,
            boolean opening) throws NhiException {
        ResponseApdu r;
        byte[] apdu;
        try {
            apdu = protect ? state.channel.protect(command) : command;
        } catch (NhiException e) {
            forgetWrites();
            if (opening && (e.result() == ResultCode.HC_INTERNAL_AUTH_FAILED)) {
                throw new StaleChannel(e);
            }
            throw e;
        }
        try {
            r = session.transmit(apdu);
        } catch (NhiException e) {
            forgetWrites();
            throw e;
        }
        CardCommand.Answer answer = kind.answer(r.sw());
        if (answer.outcome() != CardCommand.Outcome.DONE) {
            forgetWrites();
            NhiException e = kind.failure(r.sw(), failure, area == null ? null
                    : String.format("area %02X", area.id()));
            if (opening && answer.outcome() == CardCommand.Outcome.STALE_CHANNEL) {
                throw new StaleChannel(e);
            }
            throw e;
        }
    }

    /** The first command of a write found the kept channel stale. */
    private static final class StaleChannel extends NhiException {
        private static final long serialVersionUID = 1L;
        private final transient NhiException cause;

        StaleChannel(NhiException cause) {
            super(cause.result(), cause.getMessage());
            this.cause = cause;
        }
    }

    /** After a failed write the card's state is unknown: forget its security and what it holds. */
    private void forgetWrites() {
        state.cardReset();
        state.areas.clear();
    }

    private void remember(Write w) {
        if (w.contentAfter() != null) {
            state.put(w.area(), w.contentAfter());
        } else {
            state.areas.remove(w.area());
        }
    }

    /** A protected write and the area's content once it is done. */
    record Write(HcArea area, byte[] command, byte[] contentAfter) {
        static Write put(HcArea area, int record, byte[] value, byte[] contentAfter) {
            return new Write(area, Commands.put(area, record, value), contentAfter);
        }

        static Write append(HcArea area, byte[] record, byte[] contentBefore) {
            byte[] after = Arrays.copyOf(record, contentBefore.length);
            System.arraycopy(contentBefore, 0, after, record.length, contentBefore.length - record.length);
            return new Write(area, Commands.append(area, record), after);
        }

        /** An APPEND RECORD to an area the cache does not hold: the cache forgets it once written. */
        static Write append(HcArea area, byte[] record) {
            return new Write(area, Commands.append(area, record), null);
        }
    }

    /** @return whether the holder's PIN is in use, read once per insertion (area 10) */
    boolean pinEnabled() throws NhiException {
        if (state.pinEnabled == null) {
            state.pinEnabled = area(HcArea.PIN_STATUS)[0] == 1;
        }
        return state.pinEnabled;
    }

    /** @return the PIN state as known without asking the card: null until known */
    Boolean pinEnabledKnown() {
        return state.pinEnabled;
    }

    boolean authenticated() {
        return state.authenticated;
    }

    boolean pinVerified() {
        return state.pinVerified;
    }

    /** A PIN command changed the card's PIN state: its PIN status area is read afresh when next asked. */
    void pinChanged(boolean enabled, boolean verified) {
        state.pinEnabled = enabled;
        state.pinVerified = verified;
        state.areas.remove(HcArea.PIN_STATUS);
    }

    /** The card changed an area by itself (it copies long-term prescriptions): what we held of it is stale. */
    void forget(HcArea area) {
        state.areas.remove(area);
    }

    /** @throws NhiException {@code 5020} when the patient's id number or birth date is not the card's */
    void checkPatient(PatientCheck patient) throws NhiException {
        BasicProfile basic = new BasicProfile(area(HcArea.BASIC_PROFILE));
        if (!basic.idNumber().equals(patient.idNumber().trim()) || !basic.birthDate().equals(patient.birthDate())) {
            throw new NhiException(ResultCode.DATA_BELONGS_TO_OTHER_PERSON,
                    "id number or birth date differ from the card's");
        }
    }

    boolean ledgerSettled() {
        return state.ledgerSettled;
    }

    void ledgerSettled(boolean settled) {
        state.ledgerSettled = settled;
    }

    /**
     * For a reader that cannot tell card generations: is the card in the session the one the cache holds? A
     * GET DATA of the public basic profile without SELECT answers only on a card that kept its selection — a
     * card swapped in was powered up, so it did not — and its bytes must be the ones cached. Anything else is
     * treated as another card.
     */
    static boolean sameCard(CardSession session, HcState state) throws NhiException {
        byte[] cached = state.area(HcArea.BASIC_PROFILE);
        int length = HcArea.BASIC_PROFILE.length();
        ResponseApdu r = session.transmit(Commands.read(HcArea.BASIC_PROFILE.id(), 0, 0, length));
        if (!r.isOk() || r.data().length != length || (cached != null && !Arrays.equals(r.data(), cached))) {
            return false;
        }
        state.put(HcArea.BASIC_PROFILE, r.data());
        return true;
    }

    /** Without a session (answering from the cache) anything that needs the card stops the attempt. */
    private void needsCard() {
        if (session == null) {
            throw new NeedsCard();
        }
    }

    /** Thrown when a conversation without a reader session needs the card. */
    static final class NeedsCard extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsCard() {
            super(null, null, false, false);
        }
    }
}
