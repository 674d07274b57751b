// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.Arrays;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/** PIN digits as the card's PIN commands take them (docs/card-profile.md §3.6). Never keeps or logs a PIN. */
final class Pins {
    private Pins() {
    }

    /**
     * @param pin 4–6 digits; wiped here
     * @return the ASCII digits (the caller wipes them)
     * @throws NhiException {@code 6018} when not 4–6 digits
     */
    static byte[] digits(char[] pin) throws NhiException {
        try {
            if (pin == null || pin.length < 4 || pin.length > 6) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "a PIN is 4 to 6 digits");
            }
            byte[] out = new byte[pin.length];
            for (int i = 0; i < pin.length; i++) {
                if (pin[i] < '0' || pin[i] > '9') {
                    Arrays.fill(out, (byte) 0);
                    throw new NhiException(ResultCode.BAD_PARAMETER, "a PIN is 4 to 6 digits");
                }
                out[i] = (byte) pin[i];
            }
            return out;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }
}
