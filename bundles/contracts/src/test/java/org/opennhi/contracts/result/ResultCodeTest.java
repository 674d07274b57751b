// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.result;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.Test;

public class ResultCodeTest {

    /** The documented list (one code per line) must match the catalogue exactly: none missing, none invented. */
    @Test
    public void catalogueHoldsExactlyTheDocumentedCodes() throws Exception {
        Set<Integer> documented = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/documented-result-codes.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    documented.add(Integer.parseInt(line.strip()));
                }
            }
        }
        Set<Integer> catalogue = java.util.Arrays.stream(ResultCode.values()).map(ResultCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented, catalogue);
        assertTrue(documented.size() > 180);
    }

    @Test
    public void everyEntryHasBothWordings() {
        for (ResultCode c : ResultCode.values()) {
            assertFalse(c.name(), c.chinese().isBlank());
            assertFalse(c.name(), c.english().isBlank());
            assertTrue(c.name() + " must have Chinese wording", c.chinese().codePoints()
                    .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        }
    }

    @Test
    public void looksUpByNumber() {
        assertEquals(ResultCode.HC_NOT_PRESENT, ResultCode.of(4013).orElseThrow());
        assertEquals("未置入健保 IC 卡", ResultCode.of(4013).orElseThrow().chinese());
        assertEquals(ResultCode.TEST_PRODUCTION_MIX, ResultCode.of(9203).orElseThrow());
        assertEquals(ResultCode.COM_PORT_FAILED, ResultCode.of(-1).orElseThrow());
        assertTrue(ResultCode.of(1234).isEmpty());
    }

    @Test
    public void reservedAndSuccessAreFlagged() {
        assertTrue(ResultCode.SUCCESS.isSuccess());
        assertTrue(ResultCode.of(9110).orElseThrow().isReserved());
        assertFalse(ResultCode.ICD10_CODE_NOT_FOUND.isReserved());
        assertEquals("4013 未置入健保 IC 卡 (No NHI health card (HC) inserted)", ResultCode.HC_NOT_PRESENT.describe());
    }

    @Test
    public void exceptionCarriesItsCode() {
        NhiException e = new NhiException(ResultCode.READER_TIMEOUT, "HC reader did not answer");
        assertEquals(ResultCode.READER_TIMEOUT, e.result());
        assertTrue(e.getMessage().startsWith("4000 "));
    }
}
