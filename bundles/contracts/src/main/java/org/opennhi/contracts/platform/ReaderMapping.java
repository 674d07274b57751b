// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

/**
 * Which PC/SC reader serves which card, applied live from configuration PID {@value #PID}. The legacy
 * {@code INI/ReaderCFG<n>.ini} ({@code HC_ReaderName=}, {@code HPC_ReaderName=}) is imported into it, and a
 * reader plugin's "rescan" writes it.
 */
public interface ReaderMapping {

    /** Configuration PID of the mapping. */
    String PID = "opennhi.readers";

    /** @return the PC/SC name of the reader holding the health card, or empty when not mapped */
    String hcReaderName();

    /** @return the PC/SC name of the reader holding the professional card, or empty when not mapped */
    String hpcReaderName();
}
