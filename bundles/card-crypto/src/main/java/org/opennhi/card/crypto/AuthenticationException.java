// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

/** The card's cryptogram was wrong: the card does not hold the key this host derived for it. */
public class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, without key material */
    public AuthenticationException(String message) {
        super(message);
    }
}
