/**
 * Plumbing the API facades (5.1.x {@code api-v5}, 3.5.x {@code api-v3}) share: the manual's 1-based buffer
 * fields, the checks of HIS parameters, fixed-width buffer filling with the 16-bit length rule, and the
 * JSON-over-HTTP shape of {@code POST /<set>/<function>}. It holds no NHI function: each facade implements its
 * own set over the card engine, so updating one facade bundle never touches the other.
 */
@Export
@Version("1.1.0")
package org.opennhi.api.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
