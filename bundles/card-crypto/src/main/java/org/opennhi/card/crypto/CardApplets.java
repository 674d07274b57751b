// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * Which card is in a slot, learnt with public commands only (card-profile §2, §3.1, §3.2): SELECT of the
 * slot's application and GET DATA of public area {@code 00}, whose first 12 bytes are the card number. No
 * authentication command is sent, so nothing here can count towards a card's lock.
 */
public final class CardApplets {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_HC = HEX.parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] SELECT_HPC = HEX.parseHex("00A4040010D1580000010000000000000000003100");
    private static final byte[] SELECT_SAM = HEX.parseHex("00A4040010D1580000010000000000000000002100");
    private static final byte[] GET_PUBLIC_AREA = HEX.parseHex("00CA1100020000");
    private static final byte[] GET_CHALLENGE = HEX.parseHex("0084000008");
    /** Length of a card number (and a SAM id) in the public area. */
    public static final int NUMBER_LENGTH = 12;

    /**
     * A card identified in its slot.
     *
     * @param slot where it is
     * @param cardNumber its 12-character number
     * @param environment test or production, from the number's first digit
     */
    public record Identified(Slot slot, String cardNumber, Environment environment) {
    }

    private CardApplets() {
    }

    /**
     * Selects the application that belongs in the session's slot.
     *
     * @throws NhiException {@code 4033}/{@code 4034}/{@code 4032} when the card has no such application
     */
    public static void select(CardSession session) throws NhiException {
        ResponseApdu selected = session.transmit(selectCommand(session.slot()));
        if (!selected.isOk()) {
            throw new NhiException(notThisCard(session.slot()), String.format("SELECT answered %04X",
                    selected.sw()));
        }
    }

    /**
     * Selects the slot's application and reads the card number.
     *
     * @throws NhiException {@code 4033}/{@code 4034}/{@code 4032} when it is not the card the slot is for, or its
     *         number names neither environment
     */
    public static Identified identify(CardSession session) throws NhiException {
        select(session);
        ResponseApdu area = session.transmit(GET_PUBLIC_AREA);
        ResultCode notThisCard = notThisCard(session.slot());
        if (!area.isOk() || area.data().length < NUMBER_LENGTH) {
            throw new NhiException(notThisCard, String.format("the public card number could not be read (%04X)",
                    area.sw()));
        }
        String number = new String(Arrays.copyOf(area.data(), NUMBER_LENGTH), StandardCharsets.US_ASCII);
        Optional<Environment> env = Environment.ofId(number);
        if (env.isEmpty()) {
            throw new NhiException(notThisCard, "the card number names neither test nor production");
        }
        return new Identified(session.slot(), number, env.get());
    }

    /** GET CHALLENGE (card-profile §3.3): the card's RND_C. */
    public static byte[] getChallengeCommand() {
        return GET_CHALLENGE.clone();
    }

    /**
     * MUTUAL AUTHENTICATE (card-profile §3.4) with the host's RND_H ‖ C_H, asking for the card's C_C.
     *
     * @param hostData RND_H ‖ C_H, 24 bytes
     */
    public static byte[] mutualAuthenticateCommand(byte[] hostData) {
        byte[] apdu = new byte[5 + hostData.length + 1];
        apdu[0] = (byte) 0x80;
        apdu[1] = (byte) 0x82;
        apdu[4] = (byte) hostData.length;
        System.arraycopy(hostData, 0, apdu, 5, hostData.length);
        apdu[apdu.length - 1] = (byte) MutualAuthentication.CRYPTOGRAM_LENGTH;
        return apdu;
    }

    /** @return why a card refused an authentication step, in plain words (tries left, locked) */
    public static String refusal(int sw) {
        if ((sw & 0xFFF0) == 0x63C0) {
            return (sw & 0x0F) + " tries left before the card locks";
        }
        return sw == 0x6983 ? "the card is locked" : String.format("SW %04X", sw);
    }

    /** @return the card kind of the key scheme for a slot's card */
    public static CardKind kind(Slot slot) {
        return switch (slot) {
            case HC -> CardKind.HC;
            case HPC -> CardKind.HPC;
            case SAM -> CardKind.SAM;
        };
    }

    private static byte[] selectCommand(Slot slot) {
        return switch (slot) {
            case HC -> SELECT_HC;
            case HPC -> SELECT_HPC;
            case SAM -> SELECT_SAM;
        };
    }

    private static ResultCode notThisCard(Slot slot) {
        return switch (slot) {
            case HC -> ResultCode.NOT_AN_HC;
            case HPC -> ResultCode.NOT_AN_HPC;
            case SAM -> ResultCode.NOT_A_SAM;
        };
    }
}
