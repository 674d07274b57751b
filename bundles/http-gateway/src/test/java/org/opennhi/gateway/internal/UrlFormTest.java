// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class UrlFormTest {
    @Test
    public void decodesFieldsInOrder() {
        Map<String, List<String>> f = UrlForm.parse("next=%2Fwatch%2F&token=a+b&x&%E5%81%A5=%E4%BF%9D", StandardCharsets.UTF_8);
        assertEquals(List.of("/watch/"), f.get("next"));
        assertEquals(List.of("a b"), f.get("token"));
        assertEquals(List.of(""), f.get("x"));
        assertEquals(List.of("保"), f.get("健"));
    }

    @Test
    public void badInputIsTheCallersError() {
        expect(400, "code=%zz");
        expect(400, "code=%C3%28");
        expect(400, "code=%4");
        StringBuilder many = new StringBuilder("a=1");
        for (int i = 0; i <= UrlForm.MAX_FIELDS; i++) {
            many.append("&f").append(i).append("=1");
        }
        expect(413, many.toString());
    }

    private static void expect(int status, String query) {
        try {
            UrlForm.parse(query, StandardCharsets.UTF_8);
            fail("accepted " + query);
        } catch (ClientError e) {
            assertEquals(query, status, e.status);
        }
    }
}
