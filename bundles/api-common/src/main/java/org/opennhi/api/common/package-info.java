// SPDX-License-Identifier: Apache-2.0
/**
 * What the API facades (5.1.x {@code api-v5}, 3.5.x {@code api-v3}) share: the functions both manuals define
 * ({@link org.opennhi.api.common.CardApi}; their bodies are in {@code org.opennhi.api.common.functions}, which no
 * bundle exports: each facade embeds its own copy, so updating one facade bundle never touches the other), the
 * manual's 1-based buffer fields, the checks of HIS parameters, fixed-width buffer filling with the 16-bit length
 * rule, and the JSON-over-HTTP shape of {@code POST /<set>/<function>}.
 */
@Export
@Version("1.3.0")
package org.opennhi.api.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
