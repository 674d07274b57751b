// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.util.HexFormat;

import org.opennhi.card.crypto.CardApplets;
import org.opennhi.card.crypto.MutualAuthentication;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.idc.client.IdcRefusal;

import com.google.gson.JsonObject;

/**
 * Card authentication through the cloud SAM (idc-protocol §5): the IDC holds the keys a physical SAM would
 * hold and plays the host; the platform relays four messages between the card and the IDC. Five APDU-or-call
 * steps, no more: GET CHALLENGE, begin, MUTUAL AUTHENTICATE, complete.
 *
 * <table>
 * <caption>What the HIS sees</caption>
 * <tr><td>card locked, or refuses the IDC's cryptogram</td><td>9212 (HC) / 9220 (HPC)</td></tr>
 * <tr><td>IDC refuses the card's cryptogram</td><td>9211 (HC) / 9221 (HPC)</td></tr>
 * <tr><td>IDC says test and production are mixed</td><td>9203</td></tr>
 * </table>
 */
final class IdcCardAuthentication {
    private static final HexFormat HEX = HexFormat.of();

    private IdcCardAuthentication() {
    }

    /**
     * @param sam the cloud SAM (its IDC session)
     * @param session the card's session, its application selected
     * @param cardNumber the card's number
     * @return the channel for the card's protected writes
     */
    static SecureChannel authenticate(CloudSam sam, CardSession session, String cardNumber) throws NhiException {
        Slot slot = session.slot();
        ResponseApdu challenge = session.transmit(CardApplets.getChallengeCommand());
        if (!challenge.isOk() || challenge.data().length != MutualAuthentication.RANDOM_LENGTH) {
            throw new NhiException(cardRefused(slot), String.format("the card gave no challenge (%04X)%s",
                    challenge.sw(), challenge.sw() == 0x6983 ? ": it is locked" : ""));
        }
        JsonObject begin = new JsonObject();
        begin.addProperty("kind", slot.name());
        begin.addProperty("cardNo", cardNumber);
        begin.addProperty("rndCard", HEX.formatHex(challenge.data()));
        JsonObject host = call(sam, slot, "/v1/cards/auth/begin", begin);
        byte[] hostData = hex(host, "hostData", MutualAuthentication.RANDOM_LENGTH
                + MutualAuthentication.CRYPTOGRAM_LENGTH, slot);
        ResponseApdu answer = session.transmit(CardApplets.mutualAuthenticateCommand(hostData));
        if (!answer.isOk() || answer.data().length != MutualAuthentication.CRYPTOGRAM_LENGTH) {
            throw new NhiException(cardRefused(slot), "the card refused the IDC's cryptogram: "
                    + CardApplets.refusal(answer.sw()));
        }
        JsonObject complete = new JsonObject();
        complete.addProperty("authId", text(host, "authId", slot));
        complete.addProperty("cardCryptogram", HEX.formatHex(answer.data()));
        JsonObject done = call(sam, slot, "/v1/cards/auth/complete", complete);
        byte[] key = hex(done, "sessionKey", 16, slot);
        return new MacChannel(slot, cardNumber, new org.opennhi.card.crypto.SecureChannel(key));
    }

    private static JsonObject call(CloudSam sam, Slot slot, String route, JsonObject body) throws NhiException {
        try {
            return sam.post(route, body);
        } catch (IdcRefusal e) {
            ResultCode code = e.code() == ResultCode.TEST_PRODUCTION_MIX.code() ? ResultCode.TEST_PRODUCTION_MIX
                    : idcRefused(slot);
            throw new NhiException(code, e.getMessage(), e);
        }
    }

    private static String text(JsonObject o, String name, Slot slot) throws NhiException {
        if (!o.has(name) || !o.get(name).isJsonPrimitive()) {
            throw new NhiException(idcRefused(slot), "the IDC's answer lacks " + name);
        }
        return o.get(name).getAsString();
    }

    private static byte[] hex(JsonObject o, String name, int length, Slot slot) throws NhiException {
        try {
            byte[] b = HEX.parseHex(text(o, name, slot));
            if (b.length == length) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // not hex: reported below like a wrong length
        }
        throw new NhiException(idcRefused(slot), "the IDC's " + name + " is malformed");
    }

    private static ResultCode cardRefused(Slot slot) {
        return slot == Slot.HC ? ResultCode.HC_CLOUD_SAM_AUTH_FAILED : ResultCode.HPC_INTERNAL_AUTH_FAILED;
    }

    private static ResultCode idcRefused(Slot slot) {
        return slot == Slot.HC ? ResultCode.CLOUD_SAM_HC_AUTH_FAILED : ResultCode.CLOUD_SAM_HPC_AUTH_FAILED;
    }

    /** The platform MACs the card's protected writes itself with the session key the IDC derived. */
    private record MacChannel(Slot slot, String cardNumber, org.opennhi.card.crypto.SecureChannel mac)
            implements SecureChannel {
        @Override
        public byte[] protect(byte[] plainCommand) throws NhiException {
            synchronized (mac) { // the counter must follow the order the commands reach the card
                try {
                    return mac.wrap(plainCommand);
                } catch (IllegalArgumentException e) {
                    throw new NhiException(ResultCode.BAD_PARAMETER, e.getMessage(), e);
                }
            }
        }

        @Override
        public String toString() {
            return "SecureChannel[" + slot + "]"; // never the key, never the full card number
        }
    }
}
