// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.sim.card.internal.CardState;
import org.opennhi.sim.card.internal.SimCard;

/** NHI's test-kit files (測試案例.txt) read and put on a fixture HC; docs/test-edition.md. */
public class TestKitTest {
    private static final Path KIT = Path.of("src/test/resources/nhi-test-kit");
    private static final String HC = "900000000001";

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void readsTheKitsOwnFiles() throws Exception {
        TestKit kit = TestKit.read(KIT);
        assertEquals(Optional.of("0390101"), kit.birthDate());
        assertEquals(Optional.of(LocalDate.of(1950, 1, 1)), kit.birthDay());
        assertEquals(Optional.of(List.of("#:5BK10401011061231", "#:5BK10401011061231", "#:5BK10401011061231")),
                kit.criticalIllnesses());
        assertEquals(Optional.of(30), kit.visitsThisYear());
        assertEquals(Optional.of(List.of("J0110J0111J0120J0121J0130J0131", "\"M7WK\"M830\"M86W\"M8FC\"M8JG\"M8YG")),
                kit.diagnoses());
    }

    @Test
    public void missingFilesLeaveTheCardAsIssued() throws Exception {
        TestKit kit = TestKit.read(tmp.getRoot().toPath());
        assertEquals(Optional.empty(), kit.birthDate());
        assertEquals(Optional.empty(), kit.criticalIllnesses());
        assertEquals(Optional.empty(), kit.visitsThisYear());
        assertEquals(Optional.empty(), kit.diagnoses());
    }

    @Test
    public void refusesWhatIsNotOfTheKitsForm() throws Exception {
        Path in = tmp.getRoot().toPath();
        refused(in, "bday.txt", "0390230", "bday.txt");
        Files.writeString(in.resolve("bday.txt"), "0390101");
        refused(in, "cri.txt", "360421030101105123\r\n", "cri.txt line 1");
        refused(in, "cri.txt", "3604210301011051231\r\n".repeat(7), "7 records");
        Files.writeString(in.resolve("cri.txt"), "");
        refused(in, "treno.txt", "thirty", "treno.txt");
        Files.writeString(in.resolve("treno.txt"), "30");
        refused(in, "treco.txt", "J\u00011", "treco.txt line 1");
        Files.writeString(in.resolve("treco.txt"), "");
        assertEquals(Optional.of(List.of()), TestKit.read(in).criticalIllnesses());
    }

    private static void refused(Path in, String file, String content, String message) throws Exception {
        Files.writeString(in.resolve(file), content, StandardCharsets.ISO_8859_1);
        String m = assertThrows(IllegalArgumentException.class, () -> TestKit.read(in)).getMessage();
        assertTrue(m, m.contains(message));
    }

    @Test
    public void theHcHoldsTheKitsContentsAndKeepsThemOnReset() throws Exception {
        SimulatedCards world = SimulatedCards.open(tmp.newFolder().toPath());
        world.useTestKit(TestKit.read(KIT), HC, tmp.newFolder().toPath());
        check(((SimCard) world.card(HC)).state());
        world.reset();
        check(((SimCard) world.card(HC)).state());
        assertThrows(IllegalArgumentException.class, () -> world.useTestKit(TestKit.read(KIT), "900000001001",
                tmp.getRoot().toPath()));
    }

    private static void check(CardState s) {
        assertEquals("0390101", text(s.area(HcArea.BASIC_PROFILE.id()), 42, 7));
        assertEquals("#:5BK10401011061231".repeat(3) + " ".repeat(57), text(s.area(HcArea.CRITICAL_ILLNESSES.id()), 0,
                114));
        assertEquals("0030", text(s.area(HcArea.CUMULATIVE_DATA.id()), 3, 4));
        byte[] d = s.area(HcArea.DIAGNOSES.id());
        assertTrue(text(d, 0, 13).matches("[0-9]{13}"));
        assertEquals("J0110J0111J0120J0121J0130J0131", text(d, 13, 30));
        assertEquals("\"M7WK\"M830\"M86W\"M8FC\"M8JG\"M8YG", text(d, 43 + 13, 30));
        assertEquals(" ".repeat(43 * 4), text(d, 86, 43 * 4));
    }

    private static String text(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }
}
