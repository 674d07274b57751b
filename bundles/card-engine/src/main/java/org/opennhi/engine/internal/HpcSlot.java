// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.engine.ProfessionalIdentity;

/**
 * The HPC's reader slot: one HPC operation at a time (the HPC lock), the card's identity kept until it leaves,
 * and the identity of the HPC whose PIN was verified last, kept when it leaves (fast authentication).
 */
final class HpcSlot implements HpcAccess {
    /** The HPC's public professional identity (docs/card-profile.md §5). */
    private static final int IDENTITY_AREA = 0x00;

    private final ReaderService readers;
    private final HpcAuthorisation hpcAuth;
    private final Duration wait;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile HpcState hpc = new HpcState();
    /** The identity of the HPC whose PIN this engine verified last: kept when it leaves (fast authentication). */
    private volatile byte[] authorisedIdentity;

    HpcSlot(ReaderService readers, HpcAuthorisation hpcAuth, Duration wait) {
        this.readers = Objects.requireNonNull(readers, "readers");
        this.hpcAuth = Objects.requireNonNull(hpcAuth, "hpcAuth");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    /** The card left its reader, another came in, or a reset: its identity and PIN state are gone. */
    void cardChanged() {
        hpc = new HpcState();
    }

    /**
     * @return 1.15's value when a card is present: 9 not an HPC, 3 PIN verified, 2 authenticated with the SAM
     *         (its PIN not, e.g. wrong or locked), 1 inserted
     */
    int light() {
        HpcState h = hpc;
        return h.notAnHpc ? 9 : h.pinVerified ? 3 : h.samAuthenticated ? 2 : 1;
    }

    boolean present() {
        return readers.slot(Slot.HPC).cardPresent();
    }

    @Override
    public <T> T session(Work<T> work) throws NhiException {
        lock.lock();
        try (CardSession session = CallMeter.metered(readers.openSession(Slot.HPC, wait))) {
            return work.run(session);
        } catch (NhiException e) {
            if (e.result() == ResultCode.HPC_NOT_PRESENT) {
                hpc = new HpcState();
            }
            hpc.notAnHpc = e.result() == ResultCode.NOT_AN_HPC;
            throw e;
        } finally {
            CallMeter.hpc(hpc.identity);
            lock.unlock();
        }
    }

    @Override
    public ProfessionalIdentity identity(CardSession s) throws NhiException {
        HpcState h = hpc;
        if (h.identity != null) {
            return new ProfessionalIdentity(h.identity.clone());
        }
        ResponseApdu selected = s.transmit(Commands.SELECT_HPC);
        if (!selected.isOk()) {
            throw CardCommand.SELECT_HPC.failure(selected.sw());
        }
        ResponseApdu r = s.transmit(Commands.read(IDENTITY_AREA, 0, 0, ProfessionalIdentity.LENGTH));
        if (!r.isOk()) {
            throw CardCommand.READ_HPC_IDENTITY.failure(r.sw());
        }
        if (r.data().length != ProfessionalIdentity.LENGTH) {
            throw new NhiException(ResultCode.HPC_ID_READ_FAILED, "the HPC's identity is not "
                    + ProfessionalIdentity.LENGTH + " bytes");
        }
        h.identity = r.data();
        return new ProfessionalIdentity(h.identity.clone());
    }

    @Override
    public void samAuthenticated() {
        hpc.samAuthenticated = true;
    }

    @Override
    public void pinVerified(boolean verified) {
        hpc.pinVerified = verified;
    }

    @Override
    public void authorised(ProfessionalIdentity who) {
        authorisedIdentity = who.bytes();
    }

    @Override
    public ProfessionalIdentity professional() throws NhiException {
        return session(this::identity);
    }

    @Override
    public ProfessionalIdentity authorisedProfessional() throws NhiException {
        HpcAuthorisation.Grant grant;
        try {
            grant = hpcAuth.require();
        } catch (NhiException e) {
            if (e.result() == ResultCode.HPC_PIN_NOT_VERIFIED && present()) {
                professional(); // another kind of card in the HPC's reader says so (4034) rather than 4042
            }
            throw e;
        }
        byte[] known = authorisedIdentity;
        if (known != null && new ProfessionalIdentity(known).cardNumber().equals(grant.hpcCardNumber())) {
            return new ProfessionalIdentity(known);
        }
        try {
            ProfessionalIdentity inReader = professional();
            if (inReader.cardNumber().equals(grant.hpcCardNumber())) {
                // the grant came from elsewhere (console, another facade): keep who it is for when the HPC leaves
                authorisedIdentity = inReader.bytes();
                return inReader;
            }
        } catch (NhiException e) {
            throw new NhiException(ResultCode.HPC_ID_READ_FAILED, e.getMessage(), e);
        }
        throw new NhiException(ResultCode.HPC_ID_READ_FAILED, "the authorised HPC's identity is not known");
    }

    /** What the engine knows of the HPC in its reader. */
    private static final class HpcState {
        byte[] identity;
        boolean pinVerified;
        boolean samAuthenticated;
        boolean notAnHpc;
    }
}
