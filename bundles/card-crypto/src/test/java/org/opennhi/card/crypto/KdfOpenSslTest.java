// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.Environment;

/**
 * The key derivation pinned by an independent tool: every expected value is OpenSSL's AES-CMAC over the input
 * the test assembles itself from docs/card-profile.md §1.1, {@code [i]1 || Label || 00 || Context || [8n]2}.
 * The simulators and the platform share {@link Kdf}, so their agreement alone proves nothing.
 *
 * <p>{@code openssl kdf KBKDF} cannot be the oracle on OpenSSL 3.0: its counter is always 32 bits and its
 * length field 32 bits ({@code r} arrived in 3.1), while the profile's are 8 and 16 bits. {@code openssl mac
 * CMAC} computes each block instead.
 */
public class KdfOpenSslTest {
    private static final HexFormat HEX = HexFormat.of();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theMasterKeysAreWhatOpenSslDerives() throws Exception {
        byte[] zero = new byte[16];
        String test = openSslKdf(zero, "OPENNHI SIM MASTER", ascii("TEST"), 16);
        assertEquals(KnownVectors.TEST_MASTER, test);
        assertEquals(KnownVectors.PRODUCTION_MASTER, openSslKdf(zero, "OPENNHI SIM MASTER", ascii("PRODUCTION"), 16));
        assertEquals(test, HEX.formatHex(Kdf.derive(zero, "OPENNHI SIM MASTER", ascii("TEST"))));
    }

    @Test
    public void aCardKeyIsWhatOpenSslDerives() throws Exception {
        byte[] master = HEX.parseHex(KnownVectors.TEST_MASTER);
        byte[] context = concat(new byte[] {0x02}, ascii("900000000001")); // kind HC || card number (§1.3)
        String expected = openSslKdf(master, "OPENNHI CARD AUTH", context, 16);
        assertEquals(KnownVectors.HC_KEY, expected);
        assertEquals(expected, HEX.formatHex(
                new KeyScheme(MasterKeys.of(Environment.TEST, master))
                        .cardKey(CardKind.HC, "900000000001")));
    }

    @Test
    public void theSessionKeyIsWhatOpenSslDerives() throws Exception {
        byte[] context = HEX.parseHex("0102030405060708" + "1112131415161718"); // RND_C || RND_H (§1.7)
        String expected = openSslKdf(HEX.parseHex(KnownVectors.HC_KEY), "OPENNHI SESSION MAC", context, 16);
        assertEquals(KnownVectors.SESSION_KEY, expected);
    }

    @Test
    public void aLongOutputChainsBlocksWithItsLengthInEveryBlock() throws Exception {
        byte[] key = HEX.parseHex(KnownVectors.HC_KEY);
        byte[] context = ascii("prescription");
        for (int length : new int[] {40, 128}) { // the two signature sizes (§1.6)
            assertEquals(openSslKdf(key, "OPENNHI SIGNATURE", context, length),
                    HEX.formatHex(Kdf.derive(key, "OPENNHI SIGNATURE", context, length)));
        }
    }

    /** §1.1 by hand: one OpenSSL CMAC per 16-byte block, cut to {@code length} bytes. */
    private String openSslKdf(byte[] key, String label, byte[] context, int length) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 1; out.length() < length * 2; i++) {
            byte[] input = concat(new byte[] {(byte) i}, ascii(label), new byte[] {0}, context,
                    new byte[] {(byte) (length * 8 >>> 8), (byte) (length * 8)});
            out.append(openSslCmac(key, input));
        }
        return out.substring(0, length * 2);
    }

    private String openSslCmac(byte[] key, byte[] message) throws Exception {
        Path in = tmp.newFile().toPath();
        Files.write(in, message);
        Process p = new ProcessBuilder("openssl", "mac", "-cipher", "AES-128-CBC", "-macopt",
                "hexkey:" + HEX.formatHex(key), "-in", in.toString(), "CMAC").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !output.matches("[0-9A-Fa-f]{32}")) {
            throw new AssertionError("openssl mac failed: " + output);
        }
        return output.toLowerCase();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
