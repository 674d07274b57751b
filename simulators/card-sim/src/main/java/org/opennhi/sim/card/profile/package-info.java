// SPDX-License-Identifier: Apache-2.0
/**
 * Our card profile as code (docs/card-profile.md): AIDs, which areas each card kind holds (the HC's are
 * {@code org.opennhi.contracts.card.HcArea}), status words and builders for every command, for hosts (the
 * platform's card engine, the IDC, tests) that talk to cards following the profile.
 */
@Export
@Version("2.0.0")
package org.opennhi.sim.card.profile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
