// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * What the HC applet does by itself when an outpatient prescription of order class '2' (long-term drug) is
 * appended: it also appends the matching long-term prescription record (manual 5.1.3, §1.10).
 */
final class LongTermCopy {
    private static final int ORDER_CLASS = 13;

    private LongTermCopy() {
    }

    /** @return the long-term record for an outpatient record of class '2', or null for other classes */
    static byte[] of(byte[] outpatient) {
        if (outpatient.length != 61 || outpatient[ORDER_CLASS] != '2') {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(44);
        out.write(outpatient, 0, 7);     // issue date: the visit's date
        out.write(outpatient, 14, 10);   // drug code: first 10 of the 12-byte item
        out.write(outpatient, 32, 18);   // usage
        out.write(outpatient, 50, 2);    // days
        out.write(outpatient, 52, 7);    // total quantity
        return out.toByteArray();
    }

    /** @return the area's content with the record put first and the last record dropped */
    static byte[] prepend(byte[] area, byte[] record) {
        byte[] content = Arrays.copyOf(record, area.length);
        System.arraycopy(area, 0, content, record.length, area.length - record.length);
        return content;
    }
}
