package org.opennhi.sim.card.internal;

/** The status words our cards use; the table with their meaning per command is in docs/card-profile.md. */
public final class Sw {
    public static final int OK = 0x9000;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int SECURITY_NOT_SATISFIED = 0x6982;
    public static final int BLOCKED = 0x6983;
    public static final int REFERENCE_DATA_NOT_USABLE = 0x6984;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int COMMAND_NOT_ALLOWED = 0x6986;
    public static final int SM_INCORRECT = 0x6988;
    public static final int WRONG_DATA = 0x6A80;
    public static final int NOT_FOUND = 0x6A82;
    public static final int RECORD_NOT_FOUND = 0x6A83;
    public static final int WRONG_P1P2 = 0x6A86;
    public static final int DATA_NOT_FOUND = 0x6A88;
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    public static final int VERIFICATION_FAILED = 0x6300;

    private Sw() {
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
