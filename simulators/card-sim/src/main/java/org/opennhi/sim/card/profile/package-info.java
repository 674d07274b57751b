/**
 * Our card profile as code (docs/card-profile.md): AIDs, data areas, status words and builders for every
 * command, for hosts (the platform's card engine, the IDC, tests) that talk to cards following the profile.
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.card.profile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
