// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.sim.card.fixtures.Fixtures;
import org.opennhi.sim.card.fixtures.HealthHistory;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.sim.card.fixtures.Professional;
import org.opennhi.sim.card.internal.CardState;
import org.opennhi.sim.card.internal.CardStore;
import org.opennhi.sim.card.internal.CardDump;
import org.opennhi.sim.card.internal.Personalizer;
import org.opennhi.sim.card.internal.SimCard;
import org.opennhi.sim.card.internal.TestEdition;
import org.opennhi.card.crypto.CardKind;

/**
 * The simulated card world: every fixture card, with its state kept in a folder so writes survive a restart.
 * The first {@link #open} of an empty folder issues all fixture cards; {@link #reset()} issues them again.
 * Thread-safe.
 */
public final class SimulatedCards {
    private final CardStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CardInfo> infos = new LinkedHashMap<>();
    private final Map<String, SimCard> cards = new LinkedHashMap<>();
    private final Fixtures fixtures;
    /** The test edition's card; volatile, as a card's write reads it holding only the card's lock. */
    private volatile Edition edition;

    private record Edition(String card, TestEdition kit) {
    }

    private SimulatedCards(Path dir, Clock clock) {
        this.store = new CardStore(dir);
        this.clock = clock;
        this.fixtures = Fixtures.standard(clock);
        for (Person p : fixtures.persons()) {
            info(CardKind.HC, p.cardNumber(), p.name(), p.purpose());
        }
        for (Professional p : fixtures.professionals()) {
            info(CardKind.HPC, p.cardNumber(), p.name(), p.purpose());
        }
        for (Institution i : fixtures.institutions()) {
            info(CardKind.SAM, i.samId(), i.name(), "SAM of " + i.hospitalId());
            info(CardKind.INSTITUTION, i.institutionCardNumber(), i.name(), "institution card of " + i.hospitalId());
        }
    }

    /** Opens the world in {@code dir} with the system clock. */
    public static SimulatedCards open(Path dir) {
        return open(dir, Clock.systemDefaultZone());
    }

    /**
     * @param dir where card states live; created and filled with fixture cards when empty
     * @param clock today's date for the date-relative fixtures
     * @return the world
     */
    public static SimulatedCards open(Path dir, Clock clock) {
        SimulatedCards world = new SimulatedCards(dir, clock);
        boolean complete = world.infos.keySet().stream().allMatch(world.store::contains);
        if (!complete) {
            world.issueMissing();
        }
        return world;
    }

    private void info(CardKind kind, String number, String holder, String purpose) {
        infos.put(number, new CardInfo(kind, number, holder, Environment.ofId(number).orElseThrow(), purpose));
    }

    /** @return every card of the world, HCs first */
    public List<CardInfo> list() {
        return new ArrayList<>(infos.values());
    }

    /** @return {@link #list()} as a text table: kind, number, environment, holder, purpose */
    public String table() {
        StringBuilder b = new StringBuilder(String.format("%-12s %-12s %-11s %-10s %s%n", "KIND", "NUMBER", "ENV",
                "HOLDER", "PURPOSE"));
        for (CardInfo c : list()) {
            b.append(String.format("%-12s %-12s %-11s %-10s %s%n", c.kind(), c.number(), c.environment(), c.holder(),
                    c.purpose()));
        }
        return b.toString();
    }

    /** @return the fixture records the cards were issued from */
    public Fixtures fixtures() {
        return fixtures;
    }

    /** @return the folder holding the card states */
    public Path directory() {
        return store.dir();
    }

    /**
     * @param number a card number or SAM id from {@link #list()}
     * @return the card; the same instance for the same number
     * @throws IllegalArgumentException for an unknown number
     */
    public synchronized VirtualCard card(String number) {
        if (!infos.containsKey(number)) {
            throw new IllegalArgumentException("no simulated card with number " + number);
        }
        return cards.computeIfAbsent(number, n -> new SimCard(store.load(n), this::persist, random));
    }

    /**
     * NHI's test edition (docs/test-edition.md): issues the HC {@code cardNumber} again with the kit's contents
     * (undoing its writes) and, from now on, also writes each diagnosis write of that card to {@code output}'s
     * trecoW.txt (1.16) or trecoW1.txt (1.47). {@link #reset()} keeps the kit.
     *
     * @param kit the kit's input files
     * @param cardNumber a fixture HC
     * @param output where the kit's output files go (the kit's own folder, as the test edition did, or another)
     * @throws IllegalArgumentException when the number is not a fixture HC
     */
    public synchronized void useTestKit(TestKit kit, String cardNumber, Path output) {
        Person p = fixtures.persons().stream().filter(x -> x.cardNumber().equals(cardNumber)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fixture health card " + cardNumber));
        Edition e = new Edition(cardNumber, new TestEdition(kit, output));
        edition = e;
        LocalDate today = LocalDate.now(clock);
        store.save(e.kit().issue(new Personalizer(today), p, fixtures.history(cardNumber), today));
        SimCard c = cards.get(cardNumber);
        if (c != null) {
            c.reload(store.load(cardNumber));
        }
    }

    private void persist(CardState s) {
        store.save(s);
        Edition e = edition;
        if (e != null && s.number().equals(e.card())) {
            e.kit().written(s);
        }
    }

    /** Issues every fixture card again: all writes, PIN changes and locks are undone. */
    public synchronized void reset() {
        store.deleteAll();
        issueMissing();
        cards.forEach((n, c) -> c.reload(store.load(n)));
    }

    /** @return a readable dump of the card's areas and counters (PINs are not shown) */
    public synchronized String show(String number) {
        SimCard card = (SimCard) card(number);
        return CardDump.of(card.state(), infos.get(number));
    }

    private void issueMissing() {
        LocalDate today = LocalDate.now(clock);
        Personalizer issuer = new Personalizer(today);
        List<CardState> states = new ArrayList<>();
        for (Person p : fixtures.persons()) {
            Optional<HealthHistory> h = fixtures.history(p.cardNumber());
            Edition e = edition;
            states.add(e != null && p.cardNumber().equals(e.card()) ? e.kit().issue(issuer, p, h, today)
                    : issuer.healthCard(p, h));
        }
        fixtures.professionals().forEach(p -> states.add(issuer.professionalCard(p)));
        for (Institution i : fixtures.institutions()) {
            states.add(issuer.sam(i));
            states.add(issuer.institutionCard(i));
        }
        states.stream().filter(s -> !store.contains(s.number())).forEach(store::save);
    }
}
