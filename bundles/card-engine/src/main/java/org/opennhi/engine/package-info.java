// SPDX-License-Identifier: Apache-2.0
/**
 * The card engine's service: the visit operations of the 5.1.x manual in clear English names, typed, with the
 * NHI business rules applied. The API facades (5.1.x, 3.5.x) translate their legacy functions to it.
 */
@Export
@Version("1.3.0")
package org.opennhi.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
