package org.opennhi.engine.internal;

import java.util.Arrays;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/** PIN digits and what the card's PIN status words mean for the HIS. Never keeps or logs a PIN. */
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

    /** @return the failure a PIN command's status word means */
    static NhiException failure(int sw, String card) {
        if ((sw & 0xFFF0) == 0x63C0) {
            return new NhiException(ResultCode.PIN_MISMATCH, card + " PIN wrong, " + (sw & 0x0F) + " tries left");
        }
        return switch (sw) {
            case Commands.SW_LOCKED -> new NhiException(card.equals("HPC") ? ResultCode.HPC_STILL_LOCKED
                    : ResultCode.PIN_MISMATCH, card + " PIN blocked after 3 wrong entries");
            case Commands.SW_BAD_PIN_FORMAT -> new NhiException(ResultCode.BAD_PARAMETER, "a PIN is 4 to 6 digits");
            case Commands.SW_SECURITY -> new NhiException(ResultCode.SAM_NOT_AUTHENTICATED,
                    card + " PIN command without an authenticated session");
            default -> new NhiException(ResultCode.HC_IO_ERROR, String.format("%s PIN command answered %04X", card,
                    sw));
        };
    }
}
