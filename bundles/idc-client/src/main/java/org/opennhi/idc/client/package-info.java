// SPDX-License-Identifier: Apache-2.0
/**
 * What a client of our IDC protocol needs besides HTTP and JSON: the cloud SAM file format
 * ({@link org.opennhi.idc.client.SamFile}), the treatment-id format and offline ids
 * ({@link org.opennhi.idc.client.TreatmentIds}), trusting the IDC's CA
 * ({@link org.opennhi.idc.client.IdcTrust}) and PEM text ({@link org.opennhi.idc.client.Pem}).
 */
@Export
@Version("1.0.0")
package org.opennhi.idc.client;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
