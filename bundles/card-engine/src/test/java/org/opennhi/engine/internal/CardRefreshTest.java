// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;


import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;
import org.opennhi.engine.VisitRequest;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.TestIdc;
import org.opennhi.engine.testing.World;

/** csUpdateHCContents (1.30) and csUpdateHCNoReset (1.40) against the IDC simulator's card records. */
public class CardRefreshTest {
    @ClassRule
    public static final TestIdc IDC = new TestIdc();
    private final World world = new World();

    @After
    public void close() {
        world.close();
    }

    private byte[] onCard(HcArea area) throws NhiException {
        return CardAreas.read(world, area);
    }

    private static String text(byte[] b, int from, int to) {
        return CardAreas.text(b, from, to);
    }

    private static VisitRequest visit() {
        return new VisitRequest("01", false, '1', VisitRequest.SignatureForm.PRINTABLE_256, false);
    }

    private static void expect(ResultCode code, Expect.Action a) throws Exception {
        Expect.code(code, a);
    }

    @Test
    public void anUpdateRenewsTheVisitsAndWritesTheIdcsRecord() throws Exception {
        world.idcRoute = IDC.client()::call;
        world.hc("900000000006");
        expect(ResultCode.NO_VISITS_LEFT, () -> world.engine.takeVisit(visit(), PinSource.none()));
        IDC.client().admin("PUT", "/admin/card-contents/900000000006", "{\"expiryDate\":\"1201231\",\"insuredMark\":\"5\","
                + "\"criticalIllnesses\":[{\"code\":\"C5000\",\"from\":\"1150101\",\"to\":\"1191231\"}]}");
        byte[] registrationBefore = onCard(HcArea.REGISTRATION);
        world.engine.updateCardContents(true, PinSource.none());
        byte[] status = onCard(HcArea.CARD_STATUS);
        assertEquals("1" + "1201231" + "06", text(status, 1, 10));
        byte[] registration = onCard(HcArea.REGISTRATION);
        assertEquals("01" + "5", text(registration, 1, 3));
        assertEquals(text(registrationBefore, 4, 11), text(registration, 4, 11));
        byte[] ill = onCard(HcArea.CRITICAL_ILLNESSES);
        assertEquals("C5000" + "1150101" + "1191231", text(ill, 1, 19));
        assertEquals(" ".repeat(19 * 5), text(ill, 20, 114));
        // 1.30 resets: the card is usable at once
        assertEquals(6, world.engine.cardStatus().visitsLeft());
        world.engine.takeVisit(visit(), PinSource.none());
    }

    @Test
    public void section1_15_anHcTheIdcAnsweredForIs5UntilItLeaves() throws Exception {
        world.idcRoute = IDC.client()::call;
        world.hc("900000000001");
        world.engine.cardStatus();
        assertEquals(2, world.engine.slotStatus(Slot.HC));
        world.engine.updateCardContents(true, PinSource.none());
        assertEquals(5, world.engine.slotStatus(Slot.HC));
        world.engine.cardStatus();
        assertEquals(5, world.engine.slotStatus(Slot.HC));
        world.readers.remove(Slot.HC);
        world.hc("900000000001");
        assertEquals(1, world.engine.slotStatus(Slot.HC));
    }

    @Test
    public void noResetNeedsTheCardReinserted() throws Exception {
        world.idcRoute = IDC.client()::call;
        world.hc("900000000001");
        world.engine.updateCardContents(false, PinSource.none());
        expect(ResultCode.HC_NOT_PRESENT, () -> world.engine.cardStatus());
        world.readers.remove(Slot.HC);
        world.hc("900000000001");
        assertEquals(6, world.engine.cardStatus().visitsLeft());
    }

    @Test
    public void withoutTheIdcNothingIsWritten() throws Exception {
        world.hc("900000000006");
        expect(ResultCode.NETWORK_DOWN, () -> world.engine.updateCardContents(true, PinSource.none()));
        assertEquals("00", text(onCard(HcArea.CARD_STATUS), 9, 10));
        world.idcRoute = (route, body) -> "{\"cardNo\":\"900000000006\",\"cancelled\":false,\"expiryDate\":\"12012\","
                + "\"insurerCode\":\"01\",\"insuredMark\":\"3\",\"visitsLeft\":6,\"criticalIllnesses\":[]}";
        expect(ResultCode.CARD_UPDATE_FAILED, () -> world.engine.updateCardContents(true, PinSource.none()));
        assertEquals("00", text(onCard(HcArea.CARD_STATUS), 9, 10));
    }

    @Test
    public void aCardTheIdcDoesNotKnow() throws Exception {
        // the fixture cards are all in the IDC's register: ask it for a number it has never heard of
        world.idcRoute = (route, body) -> IDC.client().call(route, body.replace("900000000001", "900000000199"));
        assertEquals("900000000001", IDC.client().admin("GET", "/admin/card-contents/900000000001", null)
                .get("cardNo").getAsString());
        world.hc("900000000001");
        expect(ResultCode.IDC_UNKNOWN_CARD, () -> world.engine.updateCardContents(true, PinSource.none()));
    }
}
