// SPDX-License-Identifier: Apache-2.0
/**
 * What the card engine asks of the NHI data centre (IDC) during a visit, beyond SAM and card authentication:
 * the online insurance check (即時查保) and treatment ids (就醫識別碼), online and offline.
 */
@Export
@Version("1.1.0")
package org.opennhi.contracts.idc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
