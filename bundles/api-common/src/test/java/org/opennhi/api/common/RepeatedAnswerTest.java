// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A repeated read is answered from the last answer's bytes only while the function's code and buffer are the
 * same: the next patient's card, a changed code or an answer with extra values is never the last one's.
 */
public class RepeatedAnswerTest {
    private final AtomicReference<String> card = new AtomicReference<>("900000000001");
    private final AtomicReference<Integer> code = new AtomicReference<>(0);
    private final FacadeHttp<Object> http = new FacadeHttp<>("v5", "5.1.x", "0", Map.of(
            "hisGetBasicData", new Endpoint<>("hisGetBasicData", "1.1", "basic data", List.of(), 72, Field.BASIC_DATA,
                    Endpoint.Returns.CODE, (api, in, buffer, length, extra) -> {
                        byte[] number = card.get().getBytes(StandardCharsets.US_ASCII);
                        System.arraycopy(number, 0, buffer, 0, number.length);
                        return code.get();
                    }),
            "csGetCardNo", new Endpoint<>("csGetCardNo", "2.2", "with an extra value", List.of(), 12, List.of(),
                    Endpoint.Returns.CODE, (api, in, buffer, length, extra) -> {
                        extra.put("calls", card.get().length());
                        return 0;
                    })), in -> new Object());

    private static JsonObject parsed(FacadeHttp.Answer a) {
        return JsonParser.parseString(new String(a.bytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    public void theSameBytesGiveTheSameAnswerAndNewBytesANewOne() {
        FacadeHttp.Answer first = http.call("hisGetBasicData", "{}");
        FacadeHttp.Answer again = http.call("hisGetBasicData", "{}");
        assertSame("the repeated read reuses the encoded answer", first.bytes(), again.bytes());
        assertEquals("900000000001", parsed(again).getAsJsonObject("fields").get("cardNumber").getAsString());

        card.set("900000000008"); // the next patient
        FacadeHttp.Answer next = http.call("hisGetBasicData", "{}");
        assertEquals("900000000008", parsed(next).getAsJsonObject("fields").get("cardNumber").getAsString());
        assertEquals(parsed(next), next.body());

        code.set(4013); // the same bytes left in the buffer, another code
        FacadeHttp.Answer failed = http.call("hisGetBasicData", "{}");
        assertEquals(4013, parsed(failed).get("code").getAsInt());
        assertNotEquals(new String(next.bytes(), StandardCharsets.UTF_8),
                new String(failed.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    public void anAnswerWithExtraValuesIsMadeEachTime() {
        FacadeHttp.Answer one = http.call("csGetCardNo", "{}");
        card.set("9000000000080");
        FacadeHttp.Answer two = http.call("csGetCardNo", "{}");
        assertEquals(12, parsed(one).getAsJsonObject("fields").get("calls").getAsInt());
        assertEquals(13, parsed(two).getAsJsonObject("fields").get("calls").getAsInt());
        assertArrayEquals(two.body().toString().getBytes(StandardCharsets.UTF_8), two.bytes());
    }
}
