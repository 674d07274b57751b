// SPDX-License-Identifier: Apache-2.0
/**
 * The NHI card profile as data (docs/card-profile.md): the health card's areas with their sizes and protection
 * ({@link org.opennhi.contracts.card.HcArea}) and the ROC (民國) dates the cards and the manuals write
 * ({@link org.opennhi.contracts.card.RocDate}). Shared by the card engine, the facades and the simulated cards so
 * each fact is stated once.
 */
@Export
@Version("1.0.0")
package org.opennhi.contracts.card;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
