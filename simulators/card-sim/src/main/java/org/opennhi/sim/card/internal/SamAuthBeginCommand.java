// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.sim.card.profile.StatusWords;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.opennhi.contracts.platform.Environment;
import org.opennhi.card.crypto.Authenticator;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.card.crypto.KeyScheme;
import org.opennhi.card.crypto.MasterKeys;

/**
 * SAM: AUTHENTICATE CARD, step 1: {@code 80 8A ch 00 15 kind cardNo(12) RND_C [18]} → RND_H || C_H (24
 * bytes), computed with the card key the SAM derives from its own master key. SW: 9000; 6A80 unknown kind or
 * card number not 12 ASCII; 6700 Lc not 21; 6A86 channel not 0..3 or P2 not 00.
 */
final class SamAuthBeginCommand implements Command {
    @Override
    public byte[] execute(Apdu apdu, CardContext card) {
        if (!SamChannels.valid(apdu)) {
            return StatusWords.only(StatusWords.WRONG_P1P2);
        }
        if (apdu.nc() != 21) {
            return StatusWords.only(StatusWords.WRONG_LENGTH);
        }
        byte[] d = apdu.data();
        CardKind kind = null;
        for (CardKind k : CardKind.values()) {
            if (k.code() == d[0]) {
                kind = k;
            }
        }
        String number = new String(d, 1, 12, StandardCharsets.US_ASCII);
        if (kind == null || !number.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return StatusWords.only(StatusWords.WRONG_DATA);
        }
        byte[] master = card.state().masterKey();
        Environment env = Environment.ofId(card.state().number()).orElse(Environment.TEST);
        Authenticator host = new Authenticator(new KeyScheme(MasterKeys.of(env, master)), card.random());
        Authenticator.Pending pending = host.begin(kind, number, Arrays.copyOfRange(d, 13, 21));
        card.session().pending.put(apdu.p1(), pending);
        card.session().hostChannels.remove(apdu.p1());
        return StatusWords.with(pending.commandData(), StatusWords.OK);
    }
}
