// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.reader.protocol;

/** The reader's card slots and their numbers on the wire. */
public enum Slot {
    /** The SAM slot (安全模組). */
    SAM(0),
    /** The health-card slot. */
    HC(1),
    /** The professional-card slot. */
    HPC(2);

    private final int number;

    Slot(int number) {
        this.number = number;
    }

    /** @return the slot's number on the wire */
    public int number() {
        return number;
    }

    /**
     * @param name {@code sam}, {@code hc} or {@code hpc}, any case
     * @return the slot
     * @throws IllegalArgumentException for another name
     */
    public static Slot named(String name) {
        for (Slot s : values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("slot is sam, hc or hpc, not '" + name + "'");
    }

    /** @return the slot with that number, or null */
    public static Slot of(int number) {
        for (Slot s : values()) {
            if (s.number == number) {
                return s;
            }
        }
        return null;
    }
}
