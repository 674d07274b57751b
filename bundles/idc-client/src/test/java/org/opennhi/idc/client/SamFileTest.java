// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import org.junit.Test;
import org.opennhi.contracts.platform.Environment;

public class SamFileTest {

    @Test
    public void issueParseVerify() throws Exception {
        KeyPair ca = ec();
        byte[] key = new byte[16];
        key[0] = 7;
        SamFile file = SamFile.issue("901000000042", "9999999999", "健保測試藥局丙", "測試藥局丙", "2611V001",
                "2026-11-22T11:00:00+08:00", key, ca.getPrivate());
        SamFile read = SamFile.parse(file.content());
        assertEquals("9999999999901000000042.SAM", read.fileName());
        assertEquals(Environment.TEST, read.environment());
        assertEquals("健保測試藥局丙", read.hospitalName());
        assertArrayEquals(key, read.authKey());
        assertTrue(read.verify(ca.getPublic()));
        assertFalse("another CA", read.verify(ec().getPublic()));
        assertFalse("the key never shows in toString", read.toString().contains("07000000"));

        String tampered = new String(file.content(), StandardCharsets.UTF_8).replace("測試藥局丙", "別的藥局");
        assertFalse(SamFile.parse(tampered.getBytes(StandardCharsets.UTF_8)).verify(ca.getPublic()));
    }

    @Test
    public void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SamFile.parse("0225232388~?T<".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> SamFile.parse((SamFile.MAGIC + "\nsamId: 1\n")
                .getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> SamFile.parse(new byte[0]));
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
