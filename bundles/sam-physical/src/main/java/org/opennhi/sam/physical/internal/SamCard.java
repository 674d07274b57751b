// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.card.crypto.CardApplets;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.MutualAuthentication;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;

/**
 * The SAM card's commands (card-profile §3.3, §3.4, §3.7, §6) on an open session of the SAM slot. Stateless:
 * what the card remembers (selection, channels) is the caller's business.
 */
final class SamCard {
    private static final HexFormat HEX = HexFormat.of();
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final byte[] GET_IDENTITY = HEX.parseHex("00CA1100020000");
    private static final byte[] GET_CHALLENGE = HEX.parseHex("0084000008");
    /** SW: no applet selected (the card was reset or re-selected by someone else). */
    static final int SW_NOT_SELECTED = 0x6986;
    /** SW: no authenticated card on the channel. */
    static final int SW_NO_CARD_ON_CHANNEL = 0x6985;
    private static final int IDENTITY_LENGTH = 82;

    private SamCard() {
    }

    /** Thrown when the card answers that nothing is selected: select and repeat. */
    static final class NotSelected extends Exception {
        private static final long serialVersionUID = 1L;

        NotSelected() {
            super("the SAM card's application is not selected");
        }
    }

    /**
     * Selects the SAM application and reads who the SAM belongs to (area {@code 00}: SAM id 1–12, hospital id
     * 13–22, name 23–62 and short name 63–82 in Big5).
     *
     * @throws NhiException 4032 not a SAM card, 5006 the identity area cannot be read
     */
    static SamIdentity selectAndIdentify(CardSession sam) throws NhiException {
        CardApplets.select(sam);
        ResponseApdu area = sam.transmit(GET_IDENTITY);
        byte[] d = area.data();
        if (!area.isOk() || d.length < IDENTITY_LENGTH) {
            throw new NhiException(ResultCode.SAM_HOSPITAL_ID_READ_FAILED,
                    String.format("the SAM's identity area could not be read (%04X)", area.sw()));
        }
        String samId = new String(d, 0, 12, StandardCharsets.US_ASCII);
        String hospitalId = new String(d, 12, 10, StandardCharsets.US_ASCII).trim();
        String name = new String(d, 22, 40, BIG5).trim();
        String shortName = new String(d, 62, 20, BIG5).trim();
        return new SamIdentity(hospitalId, name, shortName, samId);
    }

    /** @return RND_C of the SAM itself (for the IDC, idc-protocol §4), 16 hex digits */
    static String challenge(CardSession sam) throws NhiException, NotSelected {
        ResponseApdu r = check(sam.transmit(GET_CHALLENGE));
        if (!r.isOk() || r.data().length != MutualAuthentication.RANDOM_LENGTH) {
            throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, String.format("the SAM card gave no challenge"
                    + " (%04X)%s", r.sw(), r.sw() == 0x6983 ? ": it is locked" : ""));
        }
        return HEX.formatHex(r.data());
    }

    /**
     * The SAM checks the IDC's proof and answers with its own (MUTUAL AUTHENTICATE with its K_card).
     *
     * @throws AuthenticationException the SAM refuses the IDC's proof (the card counts it)
     */
    static String answer(CardSession sam, String hostDataHex) throws NhiException, NotSelected,
            AuthenticationException {
        byte[] host = HEX.parseHex(hostDataHex);
        ResponseApdu r = check(sam.transmit(command(0x80, 0x82, 0, 0, host, MutualAuthentication.CRYPTOGRAM_LENGTH)));
        if (!r.isOk() || r.data().length != MutualAuthentication.CRYPTOGRAM_LENGTH) {
            throw new AuthenticationException(String.format("the SAM card refused the IDC's cryptogram (%04X)",
                    r.sw()));
        }
        return HEX.formatHex(r.data());
    }

    /**
     * AUTHENTICATE CARD step 1 on channel {@code ch}: the SAM's answer to the card's challenge.
     *
     * @return RND_H ‖ C_H, 24 bytes for the card's MUTUAL AUTHENTICATE
     */
    static byte[] hostData(CardSession sam, int ch, CardKind kind, String cardNumber, byte[] rndCard)
            throws NhiException, NotSelected {
        byte[] data = new byte[1 + 12 + rndCard.length];
        data[0] = (byte) kind.code();
        System.arraycopy(cardNumber.getBytes(StandardCharsets.US_ASCII), 0, data, 1, 12);
        System.arraycopy(rndCard, 0, data, 13, rndCard.length);
        ResponseApdu r = check(sam.transmit(command(0x80, 0x8A, ch, 0, data,
                MutualAuthentication.RANDOM_LENGTH + MutualAuthentication.CRYPTOGRAM_LENGTH)));
        if (!r.isOk() || r.data().length != MutualAuthentication.RANDOM_LENGTH + MutualAuthentication.CRYPTOGRAM_LENGTH) {
            throw new NhiException(ResultCode.BAD_PARAMETER, String.format("the SAM would not authenticate card"
                    + " kind %d (%04X)", kind.code(), r.sw()));
        }
        return r.data();
    }

    /** AUTHENTICATE CARD step 2: @return true when the SAM found the card genuine */
    static boolean cardGenuine(CardSession sam, int ch, byte[] cardCryptogram) throws NhiException, NotSelected {
        return check(sam.transmit(command(0x80, 0x8C, ch, 0, cardCryptogram, -1))).isOk();
    }

    /**
     * PROTECT COMMAND: the SAM MACs a write for the card authenticated on {@code ch}.
     *
     * @return the protected APDU, or null when no card is authenticated on the channel any more
     */
    static byte[] protect(CardSession sam, int ch, byte[] plain) throws NhiException, NotSelected {
        ResponseApdu r = check(sam.transmit(command(0x80, 0x8E, ch, 0, plain, 0)));
        if (r.sw() == SW_NO_CARD_ON_CHANNEL) {
            return null;
        }
        if (!r.isOk()) {
            throw new NhiException(ResultCode.BAD_PARAMETER, String.format("the SAM would not protect the command"
                    + " (%04X)", r.sw()));
        }
        return r.data();
    }

    /** SIGN: @return exactly {@code length} bytes (128 or 40) */
    static byte[] sign(CardSession sam, int length, byte[] data) throws NhiException, NotSelected {
        if (data.length == 0 || data.length > 255) {
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "a SAM card signs 1–255 bytes, not "
                    + data.length);
        }
        ResponseApdu r = check(sam.transmit(command(0x80, 0x2A, 0, length == 128 ? 0 : length, data, length)));
        if (!r.isOk() || r.data().length != length) {
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, String.format("the SAM card did not sign"
                    + " (%04X, %d bytes)", r.sw(), r.data().length));
        }
        return r.data();
    }

    private static ResponseApdu check(ResponseApdu r) throws NotSelected {
        if (r.sw() == SW_NOT_SELECTED) {
            throw new NotSelected();
        }
        return r;
    }

    /** A short APDU; {@code le} −1 for none, 0 for 256. */
    private static byte[] command(int cla, int ins, int p1, int p2, byte[] data, int le) {
        byte[] apdu = Arrays.copyOf(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2, (byte) data.length},
                5 + data.length + (le >= 0 ? 1 : 0));
        System.arraycopy(data, 0, apdu, 5, data.length);
        if (le >= 0) {
            apdu[apdu.length - 1] = (byte) le;
        }
        return apdu;
    }
}
