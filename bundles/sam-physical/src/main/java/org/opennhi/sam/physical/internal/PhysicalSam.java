// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.card.crypto.MutualAuthentication;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.idc.client.IdcConnection;
import org.opennhi.idc.client.IdcSession;
import org.opennhi.idc.client.IdcTrust;
import org.opennhi.idc.client.MachineId;
import org.opennhi.idc.client.Pem;
import org.opennhi.idc.client.SamAuthentication;
import org.opennhi.idc.client.SamSide;
import org.opennhi.idc.client.SessionCalls;

/**
 * The physical SAM's state, outside any framework: the card in the SAM slot, whether its application is
 * selected (selecting again would wipe the card channels it holds), its IDC session and the cards it has
 * authenticated. Status 0 no card · 9 a card that is not a SAM · 1 a SAM card · 2 authenticated with the IDC.
 * Every card command goes through one exclusive session of the SAM slot at a time.
 */
final class PhysicalSam {
    private static final long CATCH_UP_SPACING_NANOS = 1_000_000_000L;

    private final ReaderService readers;
    private final Clock clock;
    private final BiConsumer<SamStatus, String> statusChanges;
    private final Object authLock = new Object();
    /** Never reused: a channel made under an older generation must not be taken for a newer one. */
    private final AtomicLong generations = new AtomicLong();
    private volatile PhysicalSamSettings settings;
    private volatile State state = State.NONE;
    private volatile long lastCatchUp = System.nanoTime() - CATCH_UP_SPACING_NANOS;
    private IdcConnection connection;
    private PhysicalSamSettings connectionSettings;

    /**
     * What is known of the card in the slot. {@code generation} counts selections: channels made under an
     * older one are gone from the card.
     */
    private record State(SamStatus status, SamIdentity identity, long generation, IdcSession session) {
        static final State NONE = new State(SamStatus.ABSENT, null, 0, null);
    }

    PhysicalSam(ReaderService readers, PhysicalSamSettings settings, Clock clock,
            BiConsumer<SamStatus, String> statusChanges) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.statusChanges = Objects.requireNonNull(statusChanges, "statusChanges");
    }

    void configure(PhysicalSamSettings changed) {
        if (!settings.equals(changed)) {
            settings = changed;
            synchronized (this) {
                State s = state;
                set(new State(s.identity() == null ? s.status() : SamStatus.NOT_AUTHENTICATED, s.identity(),
                        s.generation(), null), "settings changed: authenticate again");
            }
        }
    }

    /** @return the status now; an ended session counts as not authenticated */
    SamStatus status() {
        catchUp();
        return recorded();
    }

    private SamStatus recorded() {
        State s = state;
        if (s.status() == SamStatus.AUTHENTICATED && !clock.instant().isBefore(s.session().expiresAt())) {
            return SamStatus.NOT_AUTHENTICATED;
        }
        return s.status();
    }

    Optional<SamIdentity> identity() {
        catchUp();
        return Optional.ofNullable(state.identity());
    }

    /**
     * Reads a SAM card that the reader already holds but this plugin has not read: the insertion event that has
     * it read travels on the reader service's event thread and can arrive after a caller asks (right after start
     * or a switch to physical mode), and a caller must not hear "no SAM" (4012) about a card that is there.
     */
    private void catchUp() {
        long now = System.nanoTime();
        // at most one try a second: a mute card would otherwise make every status question wait for its timeout
        if (state.status() == SamStatus.ABSENT && now - lastCatchUp >= CATCH_UP_SPACING_NANOS
                && readers.slot(Slot.SAM).cardPresent()) {
            lastCatchUp = now;
            refresh();
        }
    }

    /** The SAM card left (or the reader went away): everything it held is gone. */
    synchronized void cardLeft(String why) {
        set(new State(SamStatus.ABSENT, null, generations.incrementAndGet(), null), why);
    }

    /**
     * Looks at the SAM slot: reads the identity of a card not yet known.
     *
     * @return the status after looking
     */
    SamStatus refresh() {
        if (!readers.slot(Slot.SAM).cardPresent()) {
            cardLeft("no card in the SAM slot");
            return SamStatus.ABSENT;
        }
        if (state.identity() == null) {
            try {
                withSam(sam -> null);
            } catch (NhiException e) {
                // the state says why (9 not a SAM, 0 gone)
            }
        }
        return recorded();
    }

    /**
     * Authenticates the SAM card with the IDC (csVerifySAMDC): the IDC sends its proof, the card checks it
     * and answers; the platform only relays.
     */
    void authenticate(Progress progress) throws NhiException {
        synchronized (authLock) {
            PhysicalSamSettings s = settings;
            progress.update(0, SamAuthentication.STEPS + 1, "Reading the SAM card");
            refresh();
            State known = state;
            if (known.identity() == null) {
                throw new NhiException(known.status() == SamStatus.NOT_A_SAM ? ResultCode.NOT_A_SAM
                        : ResultCode.SAM_NOT_PRESENT, "no SAM card in the SAM slot");
            }
            String machineId;
            try {
                machineId = MachineId.of(s.iniFolder());
            } catch (IOException e) {
                throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "cannot keep this PC's machine id", e);
            }
            IdcConnection idc = connection(s);
            Progress shifted = (done, total, step) -> progress.update(done + 1, total + 1, step);
            IdcSession session;
            try (CardSession sam = readers.openSession(Slot.SAM, s.samWait())) {
                ensureSelected(sam);
                session = new SamAuthentication(idc, machineId).authenticate(new RelayedSam(sam, known.identity()),
                        shifted);
            } catch (NhiException e) {
                synchronized (this) {
                    State now = state;
                    if (now.identity() != null) {
                        set(new State(SamStatus.NOT_AUTHENTICATED, now.identity(), now.generation(), null),
                                "authentication with the IDC failed (" + e.result().code() + ")");
                    }
                }
                throw e;
            }
            synchronized (this) {
                State now = state;
                set(new State(SamStatus.AUTHENTICATED, now.identity(), now.generation(), session),
                        "authenticated with the IDC until " + session.expiresAt());
            }
        }
    }

    /**
     * Mutual authentication of an HC or HPC with the SAM card (card-profile §3.7): the card's challenge goes to
     * the SAM, the SAM's answer to the card, the card's answer back to the SAM. Channel 0 holds the HC, 1 the
     * HPC. The SAM authenticates with the IDC first if it has not yet.
     */
    SecureChannel authenticateCard(CardSession card, String cardNumber) throws NhiException {
        ensureAuthenticated();
        Slot slot = card.slot();
        int ch = slot == Slot.HC ? 0 : 1;
        ResponseApdu challenge = card.transmit(CardApplets.getChallengeCommand());
        if (!challenge.isOk() || challenge.data().length != MutualAuthentication.RANDOM_LENGTH) {
            throw new NhiException(internalAuthFailed(slot), String.format("the card gave no challenge (%04X)%s",
                    challenge.sw(), challenge.sw() == 0x6983 ? ": it is locked" : ""));
        }
        long generation = withSam(sam -> {
            byte[] hostData = SamCard.hostData(sam, ch, CardApplets.kind(slot), cardNumber, challenge.data());
            ResponseApdu answer = card.transmit(CardApplets.mutualAuthenticateCommand(hostData));
            if (!answer.isOk() || answer.data().length != MutualAuthentication.CRYPTOGRAM_LENGTH) {
                throw new NhiException(internalAuthFailed(slot), "the card refused the SAM: "
                        + CardApplets.refusal(answer.sw()));
            }
            if (!SamCard.cardGenuine(sam, ch, answer.data())) {
                throw new NhiException(internalAuthFailed(slot), "the SAM found the card not genuine");
            }
            return state.generation();
        });
        return new CardChannel(slot, cardNumber, ch, generation);
    }

    /** Signs with the SAM card's own key (card-profile §1.6). */
    byte[] sign(SignatureType type, byte[] data) throws NhiException {
        ensureAuthenticated();
        int length = type == SignatureType.PRESCRIPTION ? type.length() : 128;
        byte[] raw = withSam(sam -> SamCard.sign(sam, length, data));
        return type == SignatureType.VISIT_PRINTABLE
                ? HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII) : raw;
    }

    /** @see org.opennhi.contracts.sam.SamService#callIdc */
    String forward(String route, String jsonBody) throws NhiException {
        ensureAuthenticated();
        return SessionCalls.forward(connection(settings), sessions, route, jsonBody);
    }

    private final SessionCalls.Sessions sessions = new SessionCalls.Sessions() {
        @Override
        public IdcSession current() throws NhiException {
            return ensureAuthenticated();
        }

        @Override
        public IdcSession renew() throws NhiException {
            authenticate(Progress.NONE);
            return state.session();
        }
    };

    /** The first card call authenticates the SAM by itself, as the cloud SAM does. */
    private IdcSession ensureAuthenticated() throws NhiException {
        State s = state;
        if (s.status() == SamStatus.AUTHENTICATED && clock.instant().isBefore(s.session().expiresAt())) {
            return s.session();
        }
        authenticate(Progress.NONE);
        return state.session();
    }

    /** One SAM operation; the card is selected first if it was not since it arrived. */
    private interface SamOperation<T> {
        T run(CardSession sam) throws NhiException, SamCard.NotSelected;
    }

    private <T> T withSam(SamOperation<T> op) throws NhiException {
        try (CardSession sam = readers.openSession(Slot.SAM, settings.samWait())) {
            ensureSelected(sam);
            try {
                return op.run(sam);
            } catch (SamCard.NotSelected e) {
                // someone reset or re-selected the card: its channels are gone; select and try once more
                reselect(sam);
                try {
                    return op.run(sam);
                } catch (SamCard.NotSelected again) {
                    throw new NhiException(ResultCode.SAM_NOT_PRESENT, "the SAM card keeps losing its selection");
                }
            }
        } catch (NhiException e) {
            if (e.result() == ResultCode.SAM_NOT_PRESENT && !readers.slot(Slot.SAM).cardPresent()) {
                cardLeft("no card in the SAM slot");
            }
            throw e;
        }
    }

    private void ensureSelected(CardSession sam) throws NhiException {
        if (state.identity() == null) {
            reselect(sam);
        }
    }

    private synchronized void reselect(CardSession sam) throws NhiException {
        try {
            SamIdentity id = SamCard.selectAndIdentify(sam);
            State s = state;
            boolean sameCard = s.identity() != null && s.identity().samId().equals(id.samId());
            set(new State(sameCard && s.session() != null ? SamStatus.AUTHENTICATED : SamStatus.NOT_AUTHENTICATED, id,
                    generations.incrementAndGet(), sameCard ? s.session() : null), "SAM card " + id.samId() + " selected");
        } catch (NhiException e) {
            if (e.result() == ResultCode.NOT_A_SAM) {
                set(new State(SamStatus.NOT_A_SAM, null, generations.incrementAndGet(), null), e.getMessage());
            }
            throw e;
        }
    }

    private IdcConnection connection(PhysicalSamSettings s) throws NhiException {
        synchronized (authLock) {
            if (connection == null || !s.equals(connectionSettings)) {
                X509Certificate ca;
                try {
                    ca = Pem.certificate(Files.readString(s.caFile(), StandardCharsets.US_ASCII));
                } catch (IOException | RuntimeException e) {
                    throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "cannot read the IDC's CA certificate "
                            + s.caFile() + " (configure caFile of " + PhysicalSamConfig.PID + ")", e);
                }
                connection = new IdcConnection(s.idcUrl(), IdcTrust.context(ca), s.connectTimeout(),
                        s.answerTimeout());
                connectionSettings = s;
            }
            return connection;
        }
    }

    private static ResultCode internalAuthFailed(Slot slot) {
        return slot == Slot.HC ? ResultCode.HC_INTERNAL_AUTH_FAILED : ResultCode.HPC_INTERNAL_AUTH_FAILED;
    }

    private void set(State next, String why) {
        State before = state;
        state = next;
        if (before.status() != next.status()) {
            statusChanges.accept(next.status(), why);
        }
    }

    /** The SAM card's side of SAM ↔ IDC authentication: GET CHALLENGE and MUTUAL AUTHENTICATE relayed. */
    private static final class RelayedSam implements SamSide {
        private final CardSession sam;
        private final SamIdentity identity;

        RelayedSam(CardSession sam, SamIdentity identity) {
            this.sam = sam;
            this.identity = identity;
        }

        @Override
        public String samId() {
            return identity.samId();
        }

        @Override
        public String hospitalId() {
            return identity.hospitalId();
        }

        @Override
        public String challenge() throws NhiException {
            try {
                return SamCard.challenge(sam);
            } catch (SamCard.NotSelected e) {
                throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, e.getMessage(), e);
            }
        }

        @Override
        public String answer(String hostDataHex) throws AuthenticationException, NhiException {
            try {
                return SamCard.answer(sam, hostDataHex);
            } catch (SamCard.NotSelected e) {
                throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, e.getMessage(), e);
            }
        }
    }

    /** Protected writes MACed by the SAM card on the channel that holds the card. */
    private final class CardChannel implements SecureChannel {
        private final Slot slot;
        private final String cardNumber;
        private final int ch;
        private final long generation;

        CardChannel(Slot slot, String cardNumber, int ch, long generation) {
            this.slot = slot;
            this.cardNumber = cardNumber;
            this.ch = ch;
            this.generation = generation;
        }

        @Override
        public Slot slot() {
            return slot;
        }

        @Override
        public String cardNumber() {
            return cardNumber;
        }

        @Override
        public byte[] protect(byte[] plainCommand) throws NhiException {
            byte[] protectedCommand = withSam(sam -> state.generation() == generation
                    ? SamCard.protect(sam, ch, plainCommand) : null);
            if (protectedCommand == null) {
                throw new NhiException(internalAuthFailed(slot), "the SAM no longer holds this card's"
                        + " authentication (the SAM card was reset or another card took its channel)");
            }
            return protectedCommand;
        }

        @Override
        public String toString() {
            return "SecureChannel[" + slot + ", SAM channel " + ch + "]";
        }
    }
}
