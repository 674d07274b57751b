package org.opennhi.sam.internal;

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
 * Learns whether a card belongs to the test or the production environment from its number, using only
 * public commands: SELECT of the card's application and GET DATA of its public area {@code 00}, whose first
 * 12 bytes are the card number (the HC's basic profile, the HPC's professional identity). No authentication
 * command is sent, so a mismatched card is never counted a failed authentication and never locked.
 */
final class CardEnvironment {
    private static final byte[] SELECT_HC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000001100");
    private static final byte[] SELECT_HPC = HexFormat.of().parseHex("00A4040010D1580000010000000000000000003100");
    private static final byte[] GET_PUBLIC_AREA = HexFormat.of().parseHex("00CA1100020000");

    private CardEnvironment() {
    }

    static Environment of(CardSession session) throws NhiException {
        Slot slot = session.slot();
        if (slot == Slot.SAM) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "a SAM does not authenticate itself as a card");
        }
        ResultCode notThisCard = slot == Slot.HC ? ResultCode.NOT_AN_HC : ResultCode.NOT_AN_HPC;
        ResponseApdu selected = session.transmit(slot == Slot.HC ? SELECT_HC : SELECT_HPC);
        if (!selected.isOk()) {
            throw new NhiException(notThisCard, String.format("SELECT answered %04X", selected.sw()));
        }
        ResponseApdu area = session.transmit(GET_PUBLIC_AREA);
        if (!area.isOk() || area.data().length < 12) {
            throw new NhiException(notThisCard, String.format("the public card number could not be read (%04X)",
                    area.sw()));
        }
        String number = new String(Arrays.copyOf(area.data(), 12), StandardCharsets.US_ASCII);
        Optional<Environment> env = Environment.ofId(number);
        if (env.isEmpty()) {
            throw new NhiException(notThisCard, "the card number names neither test nor production");
        }
        return env.get();
    }
}
