package org.opennhi.sim.card.internal;

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
public record Area(int id, String name, int recordLength, int records, boolean cyclic, Access read,
        boolean writable) {

    /** @return the area's total size */
    public int size() {
        return recordLength * records;
    }
}
