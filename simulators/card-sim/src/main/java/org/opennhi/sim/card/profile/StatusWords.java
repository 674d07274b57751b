// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.profile;

/**
 * The status words of our card profile; which command answers which is tabled in docs/card-profile.md §3.
 */
public final class StatusWords {
    /** Success. */
    public static final int OK = 0x9000;
    /** Malformed APDU or wrong Lc/Le. */
    public static final int WRONG_LENGTH = 0x6700;
    /** Needs mutual authentication or a verified PIN first. */
    public static final int SECURITY_NOT_SATISFIED = 0x6982;
    /** Card locked (3 failed authentications) or PIN blocked. */
    public static final int BLOCKED = 0x6983;
    /** No PIN enabled on this card. */
    public static final int REFERENCE_DATA_NOT_USABLE = 0x6984;
    /** Wrong order: no fresh challenge, no pending step, PIN already set. */
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    /** No applet selected, area not writable, or not cyclic. */
    public static final int COMMAND_NOT_ALLOWED = 0x6986;
    /** Wrong, replayed or reordered MAC: the session ends. */
    public static final int SM_INCORRECT = 0x6988;
    /** Data malformed (PIN format, kind, card number). */
    public static final int WRONG_DATA = 0x6A80;
    /** SELECT: no such applet. */
    public static final int NOT_FOUND = 0x6A82;
    /** Records out of range. */
    public static final int RECORD_NOT_FOUND = 0x6A83;
    /** P1/P2 not as the command needs. */
    public static final int WRONG_P1P2 = 0x6A86;
    /** No such data area. */
    public static final int DATA_NOT_FOUND = 0x6A88;
    /** Command not supported by this kind of card. */
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    /** Class byte not the one the command needs. */
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    /** A cryptogram or PUK was wrong (not counted). */
    public static final int VERIFICATION_FAILED = 0x6300;

    private StatusWords() {
    }

    /** @return {@code 63 Cx}: verification failed, x tries left (0..15) */
    public static int triesLeft(int tries) {
        return 0x63C0 | Math.max(0, Math.min(15, tries));
    }

    /** @return the two status bytes alone */
    public static byte[] only(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }

    /** @return data followed by the status bytes */
    public static byte[] with(byte[] data, int sw) {
        byte[] out = new byte[data.length + 2];
        System.arraycopy(data, 0, out, 0, data.length);
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }
}
