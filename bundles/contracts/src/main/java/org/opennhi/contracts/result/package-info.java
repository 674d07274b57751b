// SPDX-License-Identifier: Apache-2.0
/**
 * The NHI result-code catalogue ({@link org.opennhi.contracts.result.ResultCode}) and the exception that
 * carries a code through the platform.
 */
@Export
@Version("1.0.0")
package org.opennhi.contracts.result;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
