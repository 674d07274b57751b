// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.vpcd;

import java.util.ArrayList;
import java.util.List;

/**
 * The slots of one vpcd reader entry: vpcd opens its readers "… 00 00", "… 00 01" on consecutive ports, so a
 * bridge of two slots on the base port gives the HC reader and the HPC reader of a clinic's desk.
 *
 * <pre>
 *   try (VpcdBridge bridge = new VpcdBridge("localhost", 35963, 2)) {
 *       bridge.slot(0).insert(world.card("900000000001"));   // Virtual PCD 00 00
 *       bridge.slot(1).insert(world.card("900000001001"));   // Virtual PCD 00 01
 *   }
 * </pre>
 */
public final class VpcdBridge implements AutoCloseable {
    /** Debian's vsmartcard-vpcd listens on this port for its first reader. */
    public static final int DEFAULT_PORT = 35963;

    private final List<VpcdSlot> slots = new ArrayList<>();

    /**
     * @param host where pcscd's vpcd driver listens
     * @param basePort port of the first reader
     * @param count number of slots (readers) to drive
     */
    public VpcdBridge(String host, int basePort, int count) {
        this(host, basePort, count, VpcdSlot.REMOVAL_GAP_MS);
    }

    /**
     * @param host where pcscd's vpcd driver listens
     * @param basePort port of the first reader
     * @param count number of slots (readers) to drive
     * @param removalGapMs how long a slot stays empty after a removal (see {@link VpcdSlot#REMOVAL_GAP_MS})
     */
    public VpcdBridge(String host, int basePort, int count, long removalGapMs) {
        if (count < 1 || basePort < 1 || basePort + count - 1 > 65535) {
            throw new IllegalArgumentException("need 1 or more slots on valid ports");
        }
        for (int i = 0; i < count; i++) {
            slots.add(new VpcdSlot(host, basePort + i, removalGapMs));
        }
    }

    /** @return slot i (0 = "Virtual PCD 00 00") */
    public VpcdSlot slot(int i) {
        if (i < 0 || i >= slots.size()) {
            throw new IllegalArgumentException("no slot " + i + "; this bridge has " + slots.size());
        }
        return slots.get(i);
    }

    /**
     * @param name {@code hc} (reader 00 00), {@code hpc} (reader 00 01) or a slot number
     * @return that slot
     * @throws IllegalArgumentException for any other name
     */
    public VpcdSlot slot(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "hc" -> slot(0);
            case "hpc" -> slot(1);
            default -> {
                try {
                    yield slot(Integer.parseInt(name));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("slot is hc, hpc or a number, not '" + name + "'");
                }
            }
        };
    }

    /** @return the number of slots */
    public int size() {
        return slots.size();
    }

    /** @return one line per slot: reader name, port, card, connection, APDUs served */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < slots.size(); i++) {
            VpcdSlot s = slots.get(i);
            org.opennhi.sim.card.VirtualCard c = s.card();
            b.append(String.format("Virtual PCD 00 %02d (port %d): %s%s, %d APDUs%n", i, s.address().getPort(),
                    c == null ? "empty" : c.kind() + " " + c.number(),
                    c != null && !s.connected() ? " (waiting for vpcd)" : "", s.apduCount()));
        }
        return b.toString();
    }

    /** Removes every card. */
    @Override
    public void close() {
        slots.forEach(VpcdSlot::close);
    }
}
