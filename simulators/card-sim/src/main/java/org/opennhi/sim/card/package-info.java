// SPDX-License-Identifier: Apache-2.0
/**
 * Virtual NHI cards at APDU level: {@link org.opennhi.sim.card.SimulatedCards} opens the card world (fixture
 * cards persisted in a folder), {@link org.opennhi.sim.card.VirtualCard} is one card as a reader sees it, and
 * {@link org.opennhi.sim.card.InJvmReaders} holds cards in readers of this JVM for tests.
 * The card profile (AIDs, areas, commands, status words) is {@code docs/card-profile.md}.
 */
@Export
@Version("1.2.0")
package org.opennhi.sim.card;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
