package org.opennhi.sim.card.internal;

/** Who may read a data area. Writes always need a protected (MACed) command. */
public enum Access {
    /** Anyone after SELECT (the HC basic profile). */
    PUBLIC,
    /** After mutual authentication with a SAM or the IDC. */
    AUTHENTICATED,
    /** After mutual authentication and, when the holder enabled a PIN, PIN verification. */
    AUTHENTICATED_AND_PIN
}
