// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common.functions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/** The platform's ICD-10 packing (5.1 / 5.2): a bijection between the packing range and 5-byte packed codes. */
public class Icd10CodesTest {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = "0123456789" + LETTERS;
    private static final String MIDDLE = "0123456789X";

    private static void notInRange(String in) {
        try {
            Icd10Codes.pack(in);
            fail("packed " + in);
        } catch (NhiException e) {
            assertEquals(in, ResultCode.ICD10_CODE_NOT_FOUND, e.result());
        }
    }

    private static void notPacked(String in) {
        try {
            String code = Icd10Codes.unpack(in);
            fail(in + " unpacked to " + code);
        } catch (NhiException e) {
            assertEquals(in, ResultCode.ICD10_CODE_NOT_FOUND, e.result());
        }
    }

    private static void roundTrip(String code, Map<String, String> seen) throws NhiException {
        String packed = Icd10Codes.pack(code);
        assertEquals(code, 5, packed.length());
        assertTrue(packed, Icd10Codes.LEAD.indexOf(packed.charAt(0)) >= 0);
        for (int i = 1; i < 5; i++) {
            assertTrue(packed, Icd10Codes.DIGITS.indexOf(packed.charAt(i)) >= 0);
        }
        assertEquals(code, Icd10Codes.unpack(packed));
        String before = seen.put(packed, code);
        assertTrue(code + " and " + before + " share " + packed, before == null || before.equals(code));
    }

    @Test
    public void everyShortEAndVCodeRoundTrips() throws NhiException {
        Map<String, String> seen = new HashMap<>();
        int n = 0;
        for (char letter : new char[] {'E', 'V'}) {
            for (char d : "0123456789".toCharArray()) {
                for (char third : ALNUM.toCharArray()) {
                    String three = "" + letter + d + third;
                    roundTrip(three, seen);
                    n++;
                    for (char fourth : MIDDLE.toCharArray()) {
                        roundTrip(three + fourth, seen);
                        n++;
                        for (char fifth : MIDDLE.toCharArray()) {
                            roundTrip(three + fourth + fifth, seen);
                            n++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 10 * 36 * (1 + 11 + 121), n);
        assertEquals(n, seen.size());
    }

    @Test
    public void aMillionRandomLongCodesRoundTripWithoutCollision() throws NhiException {
        Random r = new Random(20261202L);
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            StringBuilder c = new StringBuilder().append(LETTERS.charAt(r.nextInt(26))).append(r.nextInt(10))
                    .append(ALNUM.charAt(r.nextInt(36)));
            c.append(MIDDLE.charAt(r.nextInt(11))).append(MIDDLE.charAt(r.nextInt(11)))
                    .append(MIDDLE.charAt(r.nextInt(11)));
            if (r.nextBoolean()) {
                c.append(ALNUM.charAt(r.nextInt(36)));
            }
            roundTrip(c.toString(), seen);
        }
    }

    @Test
    public void theExtremesOfTheGrammarFit() throws NhiException {
        Map<String, String> seen = new HashMap<>();
        for (String c : List.of("A00000", "A000000", "Z9ZXXXZ", "Z9ZXXX", "E00", "V9Z", "V9ZXX", "Z99X9XZ")) {
            roundTrip(c, seen);
        }
        assertTrue(Icd10Codes.CODES <= Icd10Codes.LEAD.length() * (long) Math.pow(Icd10Codes.DIGITS.length(), 4));
    }

    @Test
    public void packedCodesSortAsTheCodesDo() throws NhiException {
        List<String> codes = List.of("A000", "E11", "E1165", "E119", "G44201", "G44209", "G44211", "H401324",
                "O320XX0", "O320XX1", "O320XX5", "S060X0A", "Z99X9XZ");
        List<String> packed = new ArrayList<>();
        for (String c : codes) {
            if (Icd10Codes.inPackingRange(c)) {
                packed.add(Icd10Codes.pack(c));
            }
        }
        List<String> sorted = new ArrayList<>(packed);
        sorted.sort(null);
        assertEquals(sorted, packed);
    }

    @Test
    public void theHisMayWriteDotsLowerCaseAndPadding() throws NhiException {
        String p = Icd10Codes.pack("G44201");
        assertEquals(p, Icd10Codes.pack("G44.201"));
        assertEquals(p, Icd10Codes.pack("g44201 \0junk"));
        assertEquals(Icd10Codes.pack("O320XX0"), Icd10Codes.pack("O320xx0"));
        assertEquals("G44201", Icd10Codes.unpack(p + "  "));
    }

    @Test
    public void outsideTheRangeIs9127() {
        for (String c : new String[] {"J0110", "I10", "A000", "36042", "", "G442011X", "1G4420", "GA4201",
            "G44Y01", "G44201?", "E", "V1", null}) {
            notInRange(c);
        }
    }

    @Test
    public void anythingButAPackedCodeIs9127OnUnpacking() throws NhiException {
        for (String p : new String[] {"", "J0110", "#)F3", "#)F3N1", "A)F3N", "#)F3 ", "#)F3[", "~~~~~", null}) {
            notPacked(p);
        }
        // a number inside the range that no code has: a 6th character after an absent 5th
        String e11 = Icd10Codes.pack("E11");
        String e1101 = Icd10Codes.pack("E1101");
        assertFalse(e11.equals(e1101));
        Random r = new Random(7);
        int decoded = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder().append(Icd10Codes.LEAD.charAt(r.nextInt(20)));
            for (int k = 0; k < 4; k++) {
                s.append(Icd10Codes.DIGITS.charAt(r.nextInt(Icd10Codes.DIGITS.length())));
            }
            try {
                String code = Icd10Codes.unpack(s.toString());
                assertEquals("a packed code is the only packing of its code", s.toString(), Icd10Codes.pack(code));
                decoded++;
            } catch (NhiException e) {
                assertEquals(ResultCode.ICD10_CODE_NOT_FOUND, e.result());
            }
        }
        assertTrue("some random packed codes decode", decoded > 1000);
        assertTrue("some do not", decoded < 200_000);
    }

    @Test
    public void plainFieldsStayAndPackedOnesUnpackForReading() throws NhiException {
        assertEquals("J0110", Icd10Codes.readable("J0110"));
        assertEquals("I10", Icd10Codes.readable("I10  "));
        assertEquals("", Icd10Codes.readable("     "));
        assertEquals("G44201", Icd10Codes.readable(Icd10Codes.pack("G44201")));
        assertEquals("~~~~~", Icd10Codes.readable("~~~~~"));
    }
}
