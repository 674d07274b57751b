// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.opennhi.card.crypto.CardKind;

/** AIDs, ATRs and command sets of the four card kinds (docs/card-profile.md §2). */
public final class Profiles {
    private Profiles() {
    }

    /** @return the 16-byte AID: the HC's is NHI's public one, the others are ours */
    public static byte[] aid(CardKind kind) {
        byte[] aid = {(byte) 0xD1, 0x58, 0, 0, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x11, 0};
        aid[14] = switch (kind) {
            case HC -> 0x11;
            case SAM -> 0x21;
            case HPC -> 0x31;
            case INSTITUTION -> 0x41;
        };
        return aid;
    }

    /**
     * @return {@code 3B 8n 80 01 <historical "NHISIM" + kind> TCK}: T=0 and T=1 offered, n historical bytes,
     *         TCK the XOR of T0 up to the last historical byte
     */
    public static byte[] atr(CardKind kind) {
        byte[] hist = ("NHISIM" + kind.code()).getBytes(StandardCharsets.US_ASCII);
        byte[] atr = new byte[4 + hist.length + 1];
        atr[0] = 0x3B;
        atr[1] = (byte) (0x80 | hist.length);
        atr[2] = (byte) 0x80;
        atr[3] = 0x01;
        System.arraycopy(hist, 0, atr, 4, hist.length);
        byte tck = 0;
        for (int i = 1; i < atr.length - 1; i++) {
            tck ^= atr[i];
        }
        atr[atr.length - 1] = tck;
        return atr;
    }

    /** @return the commands of that kind of card, by INS */
    static Map<Integer, Command> commands(CardKind kind) {
        Map<Integer, Area> areas = Layouts.of(kind);
        Map<Integer, Command> m = new HashMap<>();
        m.put(0xA4, new SelectCommand(aid(kind)));
        m.put(0x84, new GetChallengeCommand());
        m.put(0x82, new MutualAuthenticateCommand());
        m.put(0xCA, new GetDataCommand(areas));
        switch (kind) {
            case HC -> {
                PinRule rule = new PinRule(true);
                m.put(0xDA, new PutDataCommand(areas));
                m.put(0xE2, new AppendRecordCommand(areas));
                m.put(0xE4, new BeginWriteSetCommand());
                m.put(0xE6, new CommitWriteSetCommand());
                m.put(0x20, new VerifyCommand(rule));
                m.put(0x24, new ChangePinCommand(rule));
                m.put(0x26, new DisablePinCommand(rule));
                m.put(0x28, new EnablePinCommand(rule));
            }
            case HPC -> {
                PinRule rule = new PinRule(false);
                m.put(0x20, new VerifyCommand(rule));
                m.put(0x24, new ChangePinCommand(rule));
                m.put(0x2C, new UnblockPinCommand(rule));
            }
            case SAM -> {
                m.put(0x8A, new SamAuthBeginCommand());
                m.put(0x8C, new SamAuthCompleteCommand());
                m.put(0x8E, new SamWrapCommand());
                m.put(0x2A, new SamSignCommand());
            }
            case INSTITUTION -> {
                // identity and authentication only
            }
        }
        return m;
    }

    /** @return the CLA each INS must be sent with: 80 for proprietary commands, 00 (or 84 protected) else */
    static int expectedCla(int ins) {
        return switch (ins) {
            case 0x82, 0x8A, 0x8C, 0x8E, 0x2A, 0xE4 -> 0x80;
            case 0xDA, 0xE2, 0xE6 -> 0x84;
            default -> 0x00;
        };
    }
}
