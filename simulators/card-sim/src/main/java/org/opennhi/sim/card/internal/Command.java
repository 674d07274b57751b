// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

/**
 * One card command (one INS). Each implementation documents its status words; the card dispatches to it
 * after checking that the APDU is well-formed and the applet selected.
 */
public interface Command {
    /**
     * @param apdu the well-formed command
     * @param card the card's state and session
     * @return response data followed by SW1 SW2
     */
    byte[] execute(Apdu apdu, CardContext card);
}
