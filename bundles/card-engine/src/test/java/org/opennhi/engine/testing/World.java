// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.hpc.internal.HpcGate;
import org.opennhi.sim.idc.AdjustableClock;
import org.opennhi.engine.VisitReminder;
import org.opennhi.engine.internal.Engine;
import org.opennhi.sim.card.InJvmReaders;
import org.opennhi.sim.card.SimulatedCards;
import org.opennhi.sim.card.SimulatedSam;
import org.opennhi.sim.card.fixtures.Institution;
import org.opennhi.sim.card.fixtures.Person;

/**
 * A clinic desk for tests: fresh simulated cards in a temporary folder, the in-process reader, the test SAM
 * of 健保測試診所甲 (7777777777) and the engine over them. Close it to delete the folder.
 */
public final class World implements AutoCloseable {
    /** Taiwan time, as the engine keeps visits. */
    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    public final Path dir;
    public final SimulatedCards cards;
    public final InJvmReaders readers;
    public final SimulatedSam sam;
    /** The platform's real HPC authorisation, on {@link #hpcClock} so that 8 hours can pass; fast auth off. */
    public final HpcGate hpcAuth;
    public final AdjustableClock hpcClock = AdjustableClock.system();
    public final Engine engine;
    /** Where the SAM's IDC calls go (uploads); null: the simulated SAM's own answer (no IDC, 4061). */
    public volatile IdcRoute idcRoute;
    public final List<VisitReminder> reminders = new ArrayList<>();
    private volatile IdcVisitService idc;

    public World() {
        try {
            dir = Files.createTempDirectory("engine-world");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Clock clock = Clock.system(TAIPEI);
        cards = SimulatedCards.open(dir, clock);
        Institution clinic = cards.fixtures().institutions().stream()
                .filter(i -> i.hospitalId().equals("7777777777")).findFirst().orElseThrow();
        sam = new SimulatedSam(clinic);
        Engine[] holder = new Engine[1];
        HpcGate[] gate = new HpcGate[1];
        readers = new InJvmReaders(e -> {
            if (holder[0] != null) {
                holder[0].readerEvent(e);
            }
            if (gate[0] != null && e.slot() == Slot.HPC) {
                gate[0].hpcLeft();
            }
        });
        hpcAuth = new HpcGate(hpcClock, () -> readers.slot(Slot.HPC).cardPresent(), e -> { }, false,
                Duration.ofHours(8));
        gate[0] = hpcAuth;
        engine = new Engine(readers, samFront(), hpcAuth, () -> Optional.ofNullable(idc), clock,
                Duration.ofSeconds(5), reminders::add);
        holder[0] = engine;
    }

    /** @param service the IDC's visit services the engine should use, or null for none */
    public void idc(IdcVisitService service) {
        this.idc = service;
    }

    /** Inserts the fixture HC with that number. */
    public World hc(String number) {
        readers.insert(Slot.HC, cards.card(number));
        return this;
    }

    /** Inserts the fixture HPC with that number. */
    public World hpc(String number) {
        readers.insert(Slot.HPC, cards.card(number));
        return this;
    }

    /** @return the fixture person of that card */
    public Person person(String number) {
        return cards.fixtures().persons().stream().filter(p -> p.cardNumber().equals(number)).findFirst()
                .orElseThrow();
    }

    /** @return a second engine on the same cards with an empty cache: what the card holds, read afresh */
    public Engine freshEngine() {
        return new Engine(readers, samFront(), hpcAuth, () -> Optional.ofNullable(idc), Clock.system(TAIPEI),
                Duration.ofSeconds(5), r -> { });
    }

    /** Switches HPC fast authentication (HPCFASTAUTH) on or off, 8 hours. */
    public void fastAuth(boolean on) {
        hpcAuth.configure(on, Duration.ofHours(8));
    }

    /** Inserts the doctor's HPC 900000001001 and verifies its PIN: the medical functions are authorised. */
    public World doctor() throws NhiException {
        hpc("900000001001");
        engine.verifyHpcPin(purpose -> "1234".toCharArray());
        return this;
    }

    /** An IDC route for the SAM's {@code callIdc}. */
    @FunctionalInterface
    public interface IdcRoute {
        String call(String route, String jsonBody) throws NhiException;
    }

    /** The simulated SAM, with its IDC calls sent to {@link #idcRoute} when one is set. */
    private SamService samFront() {
        return sam.asService((route, jsonBody) -> {
            IdcRoute r = idcRoute;
            return r != null ? r.call(route, jsonBody) : sam.callIdc(route, jsonBody);
        });
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
