// SPDX-License-Identifier: Apache-2.0
/**
 * The simulated NHI key scheme, shared by every party that holds card keys: the virtual cards, the
 * simulated physical SAM and the IDC simulator (which holds the keys a physical SAM would hold, for cloud
 * SAM card authentication).
 *
 * <ul>
 *   <li>{@link org.opennhi.card.crypto.Cmac}: AES-128 CMAC (RFC 4493).</li>
 *   <li>{@link org.opennhi.card.crypto.Kdf}: NIST SP 800-108 counter-mode KDF with CMAC as PRF.</li>
 *   <li>{@link org.opennhi.card.crypto.MasterKeys} and {@link org.opennhi.card.crypto.KeyScheme}: one
 *       master key per environment; per-card keys derived from it and the card's kind and number.</li>
 *   <li>{@link org.opennhi.card.crypto.MutualAuthentication}, {@link org.opennhi.card.crypto.Authenticator}
 *       and {@link org.opennhi.card.crypto.SecureChannel}: the challenge-response both sides run, and the
 *       MAC on every write that follows it.</li>
 * </ul>
 * Plain Java: no OSGi service is needed to use it. The byte-level definition is in
 * {@code docs/card-profile.md}, section "Key scheme".
 */
@Export
@Version("1.0.0")
package org.opennhi.card.crypto;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
