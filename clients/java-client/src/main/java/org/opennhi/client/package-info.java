// SPDX-License-Identifier: Apache-2.0
/**
 * Calls the Open NHI platform's local HTTP API from any Java program: {@link org.opennhi.client.NhiClient}.
 */
@Export
@Version("1.0.0")
package org.opennhi.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
