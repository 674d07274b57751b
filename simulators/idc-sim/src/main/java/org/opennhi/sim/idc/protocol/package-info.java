/**
 * What a client of our IDC protocol needs besides HTTP and JSON: the cloud SAM file format
 * ({@link org.opennhi.sim.idc.protocol.SamFile}), the treatment-id format and offline ids
 * ({@link org.opennhi.sim.idc.protocol.TreatmentIds}), trusting the IDC's CA
 * ({@link org.opennhi.sim.idc.protocol.IdcTrust}) and PEM text ({@link org.opennhi.sim.idc.protocol.Pem}).
 */
@Export
@Version("1.0.0")
package org.opennhi.sim.idc.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
