// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.Test;
import org.opennhi.contracts.platform.Environment;

public class KeySchemeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final KeyScheme TEST = new KeyScheme(MasterKeys.simulated(Environment.TEST));
    private static final KeyScheme PRODUCTION = new KeyScheme(MasterKeys.simulated(Environment.PRODUCTION));

    /**
     * Pinned values, also printed in docs/card-profile.md: another implementation of the scheme (the IDC
     * simulator, a third-party card) checks itself against these.
     */
    @Test
    public void publishedVectors() {
        assertEquals(KnownVectors.TEST_MASTER, HEX.formatHex(MasterKeys.simulated(Environment.TEST).key()));
        assertEquals(KnownVectors.PRODUCTION_MASTER,
                HEX.formatHex(MasterKeys.simulated(Environment.PRODUCTION).key()));
        assertEquals(KnownVectors.HC_KEY, HEX.formatHex(TEST.cardKey(CardKind.HC, "900000000001")));
        byte[] rndC = HEX.parseHex("0102030405060708");
        byte[] rndH = HEX.parseHex("1112131415161718");
        byte[] k = TEST.cardKey(CardKind.HC, "900000000001");
        assertEquals(KnownVectors.HOST_CRYPTOGRAM, HEX.formatHex(MutualAuthentication.hostCryptogram(k, rndC, rndH)));
        assertEquals(KnownVectors.CARD_CRYPTOGRAM, HEX.formatHex(MutualAuthentication.cardCryptogram(k, rndH, rndC)));
        assertEquals(KnownVectors.SESSION_KEY, HEX.formatHex(MutualAuthentication.sessionKey(k, rndC, rndH)));
    }

    @Test
    public void keysDependOnEnvironmentKindAndNumber() {
        byte[] hc = TEST.cardKey(CardKind.HC, "900000000001");
        assertFalse(Arrays.equals(hc, PRODUCTION.cardKey(CardKind.HC, "900000000001")));
        assertFalse(Arrays.equals(hc, TEST.cardKey(CardKind.HPC, "900000000001")));
        assertFalse(Arrays.equals(hc, TEST.cardKey(CardKind.HC, "900000000002")));
        assertFalse(Arrays.equals(hc, TEST.signingKey(CardKind.HC, "900000000001")));
        assertArrayEquals(hc, TEST.cardKey(CardKind.HC, "900000000001"));
    }

    @Test
    public void mutualAuthenticationRoundTrip() throws Exception {
        byte[] cardKey = TEST.cardKey(CardKind.HC, "900000000001");
        byte[] rndC = HEX.parseHex("a1a2a3a4a5a6a7a8");
        Authenticator.Pending pending = new Authenticator(TEST, new SecureRandom()).begin(CardKind.HC,
                "900000000001", rndC);
        byte[] data = pending.commandData();
        assertEquals(24, data.length);
        byte[] rndH = Arrays.copyOf(data, 8);
        byte[] hostCryptogram = Arrays.copyOfRange(data, 8, 24);
        // card side
        assertArrayEquals(MutualAuthentication.hostCryptogram(cardKey, rndC, rndH), hostCryptogram);
        SecureChannel host = pending.complete(MutualAuthentication.cardCryptogram(cardKey, rndH, rndC));
        SecureChannel card = new SecureChannel(MutualAuthentication.sessionKey(cardKey, rndC, rndH));

        byte[] wrapped = host.wrap(HEX.parseHex("00DA1100030602" + "41"));
        assertEquals((byte) 0x04, wrapped[0]);
        assertEquals(3 + 8, wrapped[4]);
        byte[] header = Arrays.copyOf(wrapped, 4);
        byte[] body = Arrays.copyOfRange(wrapped, 5, 8);
        byte[] mac = Arrays.copyOfRange(wrapped, 8, 16);
        assertTrue(card.verify(header, body, mac));
        assertFalse("replay must fail", card.verify(header, body, mac));
        assertEquals(1, card.counter());
    }

    @Test
    public void productionHostCannotAuthenticateTestCard() {
        byte[] testCardKey = TEST.cardKey(CardKind.HC, "900000000001");
        byte[] rndC = new byte[8];
        Authenticator.Pending pending = new Authenticator(PRODUCTION, new SecureRandom()).begin(CardKind.HC,
                "900000000001", rndC);
        byte[] rndH = Arrays.copyOf(pending.commandData(), 8);
        byte[] hostCryptogram = Arrays.copyOfRange(pending.commandData(), 8, 24);
        assertNotEquals(HEX.formatHex(MutualAuthentication.hostCryptogram(testCardKey, rndC, rndH)),
                HEX.formatHex(hostCryptogram));
        try {
            pending.complete(MutualAuthentication.cardCryptogram(testCardKey, rndH, rndC));
            fail("a test card's answer must not satisfy a production host");
        } catch (AuthenticationException expected) {
            // the card would count this failure
        }
    }

    @Test
    public void signaturesVerifyAndHaveRequestedLength() {
        byte[] key = TEST.signingKey(CardKind.SAM, "900000000077");
        byte[] sig = Signatures.sign(key, "visit".getBytes(), 128);
        assertEquals(128, sig.length);
        assertTrue(Signatures.verify(key, "visit".getBytes(), sig));
        assertFalse(Signatures.verify(key, "visiT".getBytes(), sig));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsBadCardNumber() {
        TEST.cardKey(CardKind.HC, "12345");
    }
}
