// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.sim.card.CardInfo;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.VirtualCard;
import org.opennhi.sim.readersim.SimReader;
import org.opennhi.sim.vpcd.VpcdBridge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Puts demo cards in and out, whichever readers demo mode chose: the in-JVM simulated reader or pcscd's vpcd
 * readers. Gogo {@code demo:insert hc|hpc CARD}, {@code demo:remove hc|hpc}, {@code demo:cards}; the HTTP
 * endpoint and {@code nhi-cs ctl card …} use the same methods.
 */
@Component(service = DemoCards.class, property = {"osgi.command.scope=demo", "osgi.command.function=insert",
    "osgi.command.function=remove", "osgi.command.function=cards", "osgi.command.function=authenticate",
    "osgi.command.function=verifypin"})
public final class DemoCards {
    private final SimulatedCards world;
    private volatile SimReader simReader;
    private volatile VpcdBridge vpcd;
    private volatile ReaderService readers;
    private volatile SamService sam;
    private volatile HpcAuthorisation hpc;

    @Activate
    public DemoCards(@Reference SimulatedCards world) {
        this.world = world;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSimReader(SimReader r) {
        simReader = r;
    }

    void unbindSimReader(SimReader r) {
        if (simReader == r) {
            simReader = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindVpcd(VpcdBridge b) {
        vpcd = b;
    }

    void unbindVpcd(VpcdBridge b) {
        if (vpcd == b) {
            vpcd = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindReaders(ReaderService r) {
        readers = r;
    }

    void unbindReaders(ReaderService r) {
        if (readers == r) {
            readers = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSam(SamService s) {
        sam = s;
    }

    void unbindSam(SamService s) {
        if (sam == s) {
            sam = null;
        }
    }

    /**
     * Gogo {@code demo:authenticate hc}: authenticates the card in the slot with the SAM, as the card engine does
     * at a card's first protected call, so the overlay's light turns 2 without a HIS. Goes through the real
     * reader and SAM services (test/production guard included).
     */
    public String authenticate(String slot) throws NhiException {
        Slot s = slot(slot);
        ReaderService r = readers;
        SamService m = sam;
        if (r == null || m == null) {
            throw new IllegalStateException("the reader or SAM service is not running");
        }
        try (CardSession session = r.openSession(s, Duration.ofSeconds(10))) {
            m.authenticateCard(session);
        }
        return "the card in the " + s + " reader is authenticated with the SAM";
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHpc(HpcAuthorisation h) {
        hpc = h;
    }

    void unbindHpc(HpcAuthorisation h) {
        if (hpc == h) {
            hpc = null;
        }
    }

    /**
     * Gogo {@code demo:verifypin 1234}: authenticates the HPC with the SAM and verifies its PIN (hpcVerifyHPCPIN)
     * through the platform's HPC authorisation, as a HIS call with an explicit PIN does: the overlay turns 3. The
     * PIN is a fixture card's (docs/card-profile.md §7), is wiped after use and never logged.
     */
    public String verifypin(String pin) throws NhiException {
        char[] digits = pin.toCharArray();
        try {
            ReaderService r = readers;
            SamService m = sam;
            HpcAuthorisation h = hpc;
            if (r == null || m == null || h == null) {
                throw new IllegalStateException("the reader, SAM or HPC authorisation service is not running");
            }
            try (CardSession session = r.openSession(Slot.HPC, Duration.ofSeconds(10))) {
                SecureChannel channel = m.authenticateCard(session);
                h.verifyPin(session, channel, digits);
            }
            return "the HPC's PIN is verified (medical mode)";
        } finally {
            java.util.Arrays.fill(digits, '\0');
        }
    }

    /** Gogo {@code demo:insert hc 900000000002}: puts a fixture card in (taking out the one there). */
    public String insert(String slot, String cardNumber) {
        Slot s = slot(slot);
        VirtualCard card = world.card(cardNumber.strip());
        SimReader r = simReader;
        if (r != null) {
            r.insert(s, card);
        } else if (vpcd != null) {
            vpcd.slot(s == Slot.HC ? 0 : 1).insert(card);
        } else {
            throw new IllegalStateException("demo mode has no readers yet");
        }
        return card.kind() + " " + card.number() + " inserted into the " + s + " reader";
    }

    /** Gogo {@code demo:remove hc}. */
    public String remove(String slot) {
        Slot s = slot(slot);
        SimReader r = simReader;
        if (r != null) {
            r.remove(s);
        } else if (vpcd != null) {
            vpcd.slot(s == Slot.HC ? 0 : 1).remove();
        } else {
            throw new IllegalStateException("demo mode has no readers yet");
        }
        return "the " + s + " reader is empty";
    }

    /** Gogo {@code demo:cards}: the fixture cards and what is inserted. */
    public String cards() {
        StringBuilder out = new StringBuilder();
        inserted().forEach((s, n) -> out.append(s).append(" reader: ").append(n.orElse("(empty)")).append('\n'));
        return out.append(world.table()).toString();
    }

    /** @return the card number in each reader */
    Map<Slot, Optional<String>> inserted() {
        Map<Slot, Optional<String>> in = new LinkedHashMap<>();
        for (Slot s : new Slot[] {Slot.HC, Slot.HPC}) {
            SimReader r = simReader;
            VpcdBridge b = vpcd;
            Optional<String> n = Optional.empty();
            if (r != null) {
                n = r.cardIn(s);
            } else if (b != null) {
                VirtualCard c = b.slot(s == Slot.HC ? 0 : 1).card();
                n = Optional.ofNullable(c).map(VirtualCard::number);
            }
            in.put(s, n);
        }
        return in;
    }

    /** @return the fixture cards */
    java.util.List<CardInfo> fixtures() {
        return world.list();
    }

    /** @return whether a card with this number exists in the simulated world */
    boolean exists(String number) {
        return world.list().stream().anyMatch(c -> c.number().equals(number));
    }

    static Slot slot(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "HC" -> Slot.HC;
            case "HPC" -> Slot.HPC;
            default -> throw new IllegalArgumentException("slot must be hc or hpc, not '" + name + "'");
        };
    }
}
