// SPDX-License-Identifier: Apache-2.0
package org.opennhi.testkit.reader;

import java.time.Duration;
import java.util.Set;

import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.Slot;

/**
 * What the conformance kit needs from a plugin author: the plugin under test, running, and hands on its
 * device. With simulated hardware every method is automatic; with a real device a harness may prompt a
 * person. Every slot in {@link #slots()} must be able to hold a card that answers NHI's public health-card
 * commands (SELECT of the HC application, then {@code 00 CA 11 00 02 00 00} giving 57 bytes and 90 00).
 */
public interface ReaderHarness extends AutoCloseable {

    /** @return the plugin under test, started; the same instance for the harness's life */
    ReaderPlugin plugin();

    /** @return the slots the device offers (e.g. HC and HPC for chip readers; SAM, HC and HPC for a dedicated one) */
    Set<Slot> slots();

    /** Puts a card that answers the public health-card commands into a slot. */
    void insertHealthCard(Slot slot) throws Exception;

    /** Takes the card out of a slot; harmless when the slot is empty. */
    void removeCard(Slot slot) throws Exception;

    /** Makes the whole device go away (cable pulled, port vanished, service stopped). */
    void unplug() throws Exception;

    /** Brings the device back after {@link #unplug()}; cards inserted before are inserted again. */
    void replug() throws Exception;

    /** From now on the card in the slot receives commands but never answers, until it is removed. */
    void muteCard(Slot slot) throws Exception;

    /** The device answers the next command to the slot with malformed bytes instead of a proper response. */
    void garbleNextAnswer(Slot slot) throws Exception;

    /** @return the longest the plugin may take to notice an insert, a removal, an unplug or a replug */
    Duration noticeWithin();

    /** @return the longest a command to a mute card may take before the plugin gives up with 4000 */
    Duration muteCardTimeout();

    /** Stops the plugin and the device. */
    @Override
    void close() throws Exception;
}
