// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;

/** Drives virtual cards with hex APDUs, and runs the SAM-mediated authentication the engine will run. */
final class CardHarness {
    static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final String HC_AID = "D1580000010000000000000000001100";
    static final String SELECT_HC = "00A4040010" + HC_AID;
    static final String READ_BASIC = "00CA11000200 00".replace(" ", "");

    private CardHarness() {
    }

    static String tx(VirtualCard card, String hex) {
        return HEX.formatHex(card.transmit(HEX.parseHex(hex.replace(" ", ""))));
    }

    static String sw(String response) {
        return response.substring(response.length() - 4);
    }

    static String data(String response) {
        return response.substring(0, response.length() - 4);
    }

    static void ok(VirtualCard card, String hex) {
        String r = tx(card, hex);
        assertEquals("SW of " + hex, "9000", sw(r));
    }

    static String aid(int kindByte) {
        return "D15800000100000000000000000" + String.format("%01X", kindByte >> 4) + String.format("%X",
                kindByte & 0xF) + "00";
    }

    static void select(VirtualCard card) {
        String aid = HC_AID.substring(0, 28) + String.format("%02X", switch (card.kind()) {
            case HC -> 0x11;
            case SAM -> 0x21;
            case HPC -> 0x31;
            case INSTITUTION -> 0x41;
        }) + "00";
        ok(card, "00A4040010" + aid);
    }

    /**
     * The SAM-mediated mutual authentication: card challenge, SAM cryptogram, card answer, SAM check.
     *
     * @return the card's SW to MUTUAL AUTHENTICATE
     */
    static String authenticate(VirtualCard card, VirtualCard sam, int channel) {
        String challenge = tx(card, "0084000008");
        assertEquals("9000", sw(challenge));
        String begin = tx(sam, String.format("808A%02X0015%02X", channel, card.kind().code())
                + HEX.formatHex(card.number().getBytes()) + data(challenge) + "18");
        assertEquals("9000", sw(begin));
        String answer = tx(card, "8082000018" + data(begin) + "10");
        if (!sw(answer).equals("9000")) {
            return sw(answer);
        }
        assertEquals("9000", sw(tx(sam, String.format("808C%02X0010", channel) + data(answer))));
        return "9000";
    }

    /** @return the protected form of a plain write, made by the SAM for the card on that channel */
    static String protect(VirtualCard sam, int channel, String plain) {
        int len = plain.length() / 2;
        String r = tx(sam, String.format("808E%02X00%02X", channel, len) + plain + "00");
        assertEquals("9000", sw(r));
        return data(r);
    }

    static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    static String padded(String ascii, int width) {
        byte[] b = Arrays.copyOf(ascii.getBytes(), width);
        Arrays.fill(b, ascii.length(), width, (byte) ' ');
        return HEX.formatHex(b);
    }
}
