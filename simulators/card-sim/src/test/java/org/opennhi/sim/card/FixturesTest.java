// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.sim.card.fixtures.Fixtures;
import org.opennhi.sim.card.fixtures.Insurance;
import org.opennhi.sim.card.fixtures.Person;
import org.opennhi.card.crypto.CardKind;

public class FixturesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void enoughPersonsInBothEnvironments() {
        List<Person> persons = Fixtures.standard(HealthCardPublicTest.CLOCK).persons();
        assertTrue(persons.size() >= 16);
        assertTrue(persons.stream().anyMatch(p -> p.cardNumber().startsWith("0")));
        assertTrue(persons.stream().filter(p -> p.cardNumber().startsWith("9")).count() >= 16);
        Set<Insurance> insurance = persons.stream().map(Person::insurance).collect(Collectors.toSet());
        assertTrue(insurance.contains(Insurance.NOT_INSURED));
        assertTrue(persons.stream().anyMatch(Person::cancelled));
        assertTrue(persons.stream().anyMatch(p -> p.visitsLeft() == 0));
        assertTrue(persons.stream().anyMatch(p -> p.pin() != null));
        assertTrue(persons.stream().anyMatch(p -> p.newbornCount() == 2));
        assertTrue(persons.stream().anyMatch(p -> !p.criticalIllnesses().isEmpty()));
        assertTrue(persons.stream().anyMatch(p -> p.prescriptions() == 60));
        assertEquals(persons.size(), persons.stream().map(Person::idNumber).distinct().count());
    }

    @Test
    public void namesAreBig5AndFitTwentyBytes() {
        Charset big5 = Charset.forName("Big5");
        for (Person p : Fixtures.standard(HealthCardPublicTest.CLOCK).persons()) {
            assertTrue(p.name(), big5.newEncoder().canEncode(p.name()));
            assertTrue(p.name().getBytes(big5).length <= 20);
            assertTrue(p.idNumber(), p.idNumber().matches("[A-Z][12][0-9]{8}"));
        }
    }

    @Test
    public void worldListsEveryKindWithSamsForTheTestInstitutions() {
        SimulatedCards world = SimulatedCards.open(tmp.getRoot().toPath(), HealthCardPublicTest.CLOCK);
        List<CardInfo> cards = world.list();
        Set<String> hospitals = world.fixtures().institutions().stream().map(i -> i.hospitalId())
                .collect(Collectors.toSet());
        assertTrue(hospitals.containsAll(List.of("7777777777", "8888888888", "9999999999")));
        assertTrue(cards.stream().anyMatch(c -> c.kind() == CardKind.SAM && c.environment() == Environment.PRODUCTION));
        assertEquals(4, cards.stream().filter(c -> c.kind() == CardKind.HPC && c.environment() == Environment.TEST)
                .count());
        assertTrue(cards.stream().anyMatch(c -> c.kind() == CardKind.INSTITUTION));
        for (CardInfo c : cards) {
            assertEquals(c.number(), c.kind(), world.card(c.number()).kind());
            assertTrue(world.show(c.number()).startsWith(c.kind().name()));
        }
        String shown = world.show("900000000002");
        assertTrue(shown.contains("陳美玲"));
        assertTrue("PINs are never shown", !shown.contains("1234"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void unknownCardIsAClearError() {
        SimulatedCards.open(tmp.getRoot().toPath(), HealthCardPublicTest.CLOCK).card("123");
    }

    @Test
    public void damagedCardFileIsAClearError() throws Exception {
        java.nio.file.Path dir = tmp.getRoot().toPath();
        SimulatedCards.open(dir, HealthCardPublicTest.CLOCK);
        java.nio.file.Files.writeString(dir.resolve("900000000001.card"), "kind=HC\nkey=zz\n");
        try {
            SimulatedCards.open(dir, HealthCardPublicTest.CLOCK).card("900000000001");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("900000000001.card is damaged"));
            return;
        }
        throw new AssertionError("a damaged card file must be reported");
    }
}
