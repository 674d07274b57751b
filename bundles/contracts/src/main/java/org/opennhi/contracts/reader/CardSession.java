// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.reader;

import org.opennhi.contracts.result.NhiException;

/**
 * Exclusive ownership of the card in one slot for a whole APDU sequence. While a session is open no other
 * caller's APDU reaches that card; {@link #close()} hands the card to the next caller in line. Open one
 * with {@link ReaderService#openSession}, always in try-with-resources.
 */
public interface CardSession extends AutoCloseable {

    /** @return the slot this session owns */
    Slot slot();

    /** @return the ATR of the card as it was when the session opened */
    byte[] atr();

    /**
     * Sends one command APDU and waits for the answer.
     *
     * @param command the command APDU (CLA INS P1 P2 [Lc data] [Le])
     * @return the answer, including the status word
     * @throws NhiException {@code 4000} on a timeout, {@code 4013}/{@code 4014}/{@code 4012} when the card
     *         left the slot, {@code 9204} when the reader or its service went away
     */
    ResponseApdu transmit(byte[] command) throws NhiException;

    /** Releases the card. Never throws; closing twice is harmless. */
    @Override
    void close();
}
