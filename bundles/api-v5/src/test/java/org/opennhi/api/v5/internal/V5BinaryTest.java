// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.google.gson.JsonObject;

import org.junit.After;
import org.junit.Test;
import org.opennhi.api.common.FacadeHttp;
import org.opennhi.engine.testing.World;

/**
 * The binary call format of the native libraries (docs/native.md "Wire format") answers what the JSON API
 * answers: the same return value, bytes and lengths, with status values kept as the DLL returns them.
 */
public class V5BinaryTest {
    private final World world = new World();
    private final V5Http http = new V5Http(world.engine, "test");

    @After
    public void close() {
        world.close();
    }

    /** A request the way the C side encodes it: items of name, type and value. */
    private static final class Call {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Call integer(String name, int v) {
            name(name, 'i');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
            return this;
        }

        Call text(String name, String v) {
            byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
            name(name, 'b');
            out.write(b.length & 0xFF);
            out.write(b.length >>> 8);
            out.writeBytes(b);
            return this;
        }

        private void name(String name, int type) {
            out.write(name.length());
            out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
            out.write(type);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** The decoded answer: return value, ints and byte items by name. */
    private record Answer(int rc, Map<String, Integer> ints, Map<String, byte[]> bytes) {
        static Answer of(FacadeHttp.BinaryAnswer a) {
            ByteBuffer in = ByteBuffer.wrap(a.body()).order(ByteOrder.LITTLE_ENDIAN);
            int rc = in.getInt();
            Map<String, Integer> ints = new HashMap<>();
            Map<String, byte[]> bytes = new HashMap<>();
            while (in.hasRemaining()) {
                byte[] n = new byte[Byte.toUnsignedInt(in.get())];
                in.get(n);
                String name = new String(n, StandardCharsets.US_ASCII);
                if (in.get() == 'i') {
                    ints.put(name, in.getInt());
                } else {
                    byte[] v = new byte[Short.toUnsignedInt(in.getShort())];
                    in.get(v);
                    bytes.put(name, v);
                }
            }
            return new Answer(rc, ints, bytes);
        }
    }

    private Answer call(String function, Call c) {
        FacadeHttp.BinaryAnswer a = http.callBinary(function, c.bytes());
        return Answer.of(a);
    }

    @Test
    public void theSameBytesAsTheJsonAnswer() {
        world.hc("900000000001");
        Answer b = call("hisGetBasicData", new Call().integer("iBufferLen", 72));
        JsonObject j = http.call("hisGetBasicData", "{\"iBufferLen\":72}").body();
        assertEquals(0, b.rc());
        assertEquals(72, (int) b.ints().get("iBufferLen"));
        assertArrayEquals(Base64.getDecoder().decode(j.get("bufferBase64").getAsString()), b.bytes().get("pBuffer"));
    }

    @Test
    public void aTooSmallBufferAnswers6018WithoutBytes() {
        world.hc("900000000001");
        Answer b = call("hisGetBasicData", new Call().integer("iBufferLen", 71));
        assertEquals(6018, b.rc());
        assertNull(b.bytes().get("pBuffer"));
        assertNull(b.ints().get("iBufferLen"));
    }

    @Test
    public void statusValuesStayValuesAndExtrasComeByName() {
        world.hc("900000000001");
        assertEquals(1, call("hisGetCardStatus", new Call().integer("CardType", 2)).rc());
        assertEquals(5158, call("csGetVersionEx", new Call()).rc());
        Answer v = call("hisGetSeqNumber256", new Call().text("cTreatItem", "01").text("cBabyTreat", " ")
                .text("cTreatAfterCheck", "1").integer("iBufferLen", 296));
        assertEquals(0, v.rc());
        assertEquals(296, v.bytes().get("pBuffer").length);
        assertEquals("authenticated with the SAM by the visit", 2,
                call("hisGetCardStatus", new Call().integer("CardType", 2)).rc());
        Answer out = call("hisGetICD10EnC", new Call().text("IN", "G44201"));
        assertEquals(0, out.rc());
        String json = http.call("hisGetICD10EnC", "{\"IN\":\"G44201\"}").body().getAsJsonObject("fields").get("OUT")
                .getAsString();
        assertArrayEquals(json.getBytes(StandardCharsets.US_ASCII), out.bytes().get("OUT"));
    }

    @Test
    public void fourBuffersOfOnePrescriptionReadEachWithItsOwnLength() {
        world.hc("900000000001");
        Answer small = call("hisReadPrescription", new Call().integer("iBufferLenOutpatient", 3660)
                .integer("iBufferLenLongTerm", 10).integer("iBufferLenImportant", 360)
                .integer("iBufferLenIrritation", 120));
        JsonObject json = http.call("hisReadPrescription", "{\"iBufferLenLongTerm\":10}").body();
        assertEquals(json.get("code").getAsInt(), small.rc());
    }

    @Test
    public void aPinTheCardWantsIsNamedSoTheLibraryCanAskIt() {
        world.hc("900000000002");
        Answer none = call("hisGetRegisterBasic", new Call().integer("iBufferLen", 78));
        assertEquals(5109, none.rc());
        assertArrayEquals("pin".getBytes(StandardCharsets.US_ASCII), none.bytes().get("pinWanted"));
        Answer with = call("hisGetRegisterBasic", new Call().integer("iBufferLen", 78).text("pin", "1234"));
        assertEquals(0, with.rc());
        assertNull(with.bytes().get("pinWanted"));
        assertEquals(78, with.bytes().get("pBuffer").length);
    }

    @Test
    public void malformedBodiesAndUnknownFunctionsAnswerTheirCodes() {
        FacadeHttp.BinaryAnswer bad = http.callBinary("hisGetBasicData", new byte[] {3, 'a', 'b'});
        assertEquals(400, bad.status());
        assertEquals(6018, Answer.of(bad).rc());
        FacadeHttp.BinaryAnswer type = http.callBinary("hisGetBasicData", new byte[] {1, 'a', 'x', 0});
        assertEquals(6018, Answer.of(type).rc());
        FacadeHttp.BinaryAnswer none = http.callBinary("hisNoSuchThing", new byte[0]);
        assertEquals(404, none.status());
        assertEquals(9005, Answer.of(none).rc());
        Answer missing = Answer.of(http.callBinary("hisGetSeqNumber256", new byte[0]));
        assertEquals(6018, missing.rc());
    }
}
