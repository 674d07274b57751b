// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

/** Channel numbers of the SAM's host-side authentications: P1 0..3 (e.g. 0 for the HC, 1 for the HPC). */
final class SamChannels {
    static final int COUNT = 4;

    private SamChannels() {
    }

    static boolean valid(Apdu apdu) {
        return apdu.p1() < COUNT && apdu.p2() == 0;
    }
}
