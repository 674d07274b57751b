// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import org.opennhi.contracts.card.HcArea;

/**
 * One data area of a card: fixed-size records (a transparent area is one record).
 *
 * @param id the area number used in GET DATA / PUT DATA / APPEND RECORD
 * @param name a short English name
 * @param recordLength bytes per record
 * @param records number of records
 * @param cyclic true when APPEND RECORD puts the newest record first and drops the oldest
 * @param read who may read it
 * @param writable false for areas only personalisation writes
 */
public record Area(int id, String name, int recordLength, int records, boolean cyclic, HcArea.Access read,
        boolean writable) {

    /** @return the card profile's HC area as the simulated card stores it */
    static Area of(HcArea a) {
        return new Area(a.id(), a.description(), a.recordLength(), a.records(), a.cyclic(), a.access(),
                a.writable());
    }

    /** @return a card's public identity area (HPC, SAM, institution card: docs/card-profile.md §5, §6) */
    static Area identity(String name, int length) {
        return new Area(Layouts.IDENTITY, name, length, 1, false, HcArea.Access.PUBLIC, false);
    }

    /** @return the area's total size */
    public int size() {
        return recordLength * records;
    }
}
