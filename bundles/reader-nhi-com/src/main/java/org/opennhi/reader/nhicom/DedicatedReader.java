// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom;

import java.time.Duration;
import java.time.LocalDateTime;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The keypad and the clock of a dedicated NHI reader on a COM port. Registered as an OSGi service by the
 * {@code nhi-com} reader plugin; every call goes over the same serial line as card commands, one at a time.
 */
@ProviderType
public interface DedicatedReader {

    /** Fewest PIN digits the keypad accepts unless told otherwise. */
    int MIN_PIN_DIGITS = 4;
    /** Most PIN digits the keypad accepts unless told otherwise. */
    int MAX_PIN_DIGITS = 6;

    /**
     * Lets the user type a PIN on the reader's keypad; the reader sends it to the card in the slot as VERIFY
     * itself. The PIN never crosses the serial line and never reaches this platform, so only the card's answer
     * comes back. Call it while you hold a session on the slot, after selecting the card's application.
     *
     * @param slot the card to verify the PIN with (usually {@link Slot#HPC})
     * @param timeout how long the user has, 1 to 120 seconds
     * @param minDigits fewest digits (at least 1)
     * @param maxDigits most digits (at most 8)
     * @return the card's status word: {@code 0x9000} verified, {@code 0x63Cx} wrong with x tries left,
     *         {@code 0x6983} locked
     * @throws NhiException 5109 when the user pressed cancel, 4000 when nobody finished in time or the reader did
     *         not answer, 4012/4013/4014 when no card is in the slot, 6018 for bad arguments, 9204/9205 when
     *         the reader cannot be reached
     */
    int verifyPinOnKeypad(Slot slot, Duration timeout, int minDigits, int maxDigits) throws NhiException;

    /**
     * {@link #verifyPinOnKeypad(Slot, Duration, int, int)} with {@value #MIN_PIN_DIGITS} to
     * {@value #MAX_PIN_DIGITS} digits.
     */
    default int verifyPinOnKeypad(Slot slot, Duration timeout) throws NhiException {
        return verifyPinOnKeypad(slot, timeout, MIN_PIN_DIGITS, MAX_PIN_DIGITS);
    }

    /**
     * The legacy {@code csOpenCom(n)}: use port {@code COM(n+1)} from now on ({@code /dev/ttyS(n)} outside
     * Windows), in place of the configured port until the configuration changes, and wait until the reader
     * answers on it.
     *
     * @param n 0 for COM1, 1 for COM2 ...
     * @param wait how long to wait for the reader to answer on the port
     * @throws NhiException 9205 when the port cannot be opened or no reader answers on it in time (the legacy
     *         function returns -1 then), 6018 for a bad n
     */
    void openCom(int n, Duration wait) throws NhiException;

    /**
     * @return the reader's date and time (its own clock, local time, to the second)
     * @throws NhiException 4000 when the reader did not answer, 9204/9205 when it cannot be reached
     */
    LocalDateTime clock() throws NhiException;

    /**
     * Sets the reader's clock (the official csSetDateTime-style sync).
     *
     * @param time the local date and time, to the second; years 0001 to 9999
     * @throws NhiException 6008 when the reader refuses the date-time, 4000 when it did not answer, 9204/9205
     *         when it cannot be reached
     */
    void setClock(LocalDateTime time) throws NhiException;
}
