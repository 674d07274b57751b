// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.sim.card.profile.StatusWords;

import java.util.Arrays;

/** Locates areas and records and applies the read rules shared by the data commands. */
final class AreaAccess {
    private AreaAccess() {
    }

    /** @return the SW that forbids reading, or {@link Sw#OK} */
    static int readable(Area area, CardContext card) {
        if (area.read() == HcArea.Access.PUBLIC) {
            return StatusWords.OK;
        }
        if (card.state().locked()) {
            return StatusWords.BLOCKED;
        }
        if (!card.session().authenticated()) {
            return StatusWords.SECURITY_NOT_SATISFIED;
        }
        if (area.read() == HcArea.Access.AUTHENTICATED_AND_PIN && card.state().pinEnabled()
                && !card.session().pinVerified()) {
            return StatusWords.SECURITY_NOT_SATISFIED;
        }
        return StatusWords.OK;
    }

    /** @return bytes of records first..first+count-1 (1-based), or the whole area when first is 0 */
    static byte[] read(Area area, byte[] content, int first, int count) {
        if (first == 0) {
            return content.clone();
        }
        int from = (first - 1) * area.recordLength();
        return Arrays.copyOfRange(content, from, from + count * area.recordLength());
    }

    /**
     * Checks a protected command's MAC: data must end with 8 MAC bytes. On failure the session ends.
     *
     * @return the data without its MAC, or null after writing the failure SW into {@code sw[0]}
     */
    static byte[] unwrap(Apdu apdu, CardContext card, int[] sw) {
        Session session = card.session();
        if (!apdu.secured() || session.channel == null) {
            sw[0] = card.state().locked() ? StatusWords.BLOCKED : StatusWords.SECURITY_NOT_SATISFIED;
            return null;
        }
        byte[] d = apdu.data();
        if (d.length < 8 + 1) {
            sw[0] = StatusWords.WRONG_LENGTH;
            return null;
        }
        byte[] body = Arrays.copyOf(d, d.length - 8);
        byte[] mac = Arrays.copyOfRange(d, d.length - 8, d.length);
        if (!session.channel.verify(apdu.header(), body, mac)) {
            session.clearSecurity();
            sw[0] = StatusWords.SM_INCORRECT;
            return null;
        }
        return body;
    }
}
