/**
 * The SAM service: status, identity, IDC authentication, card authentication and signatures, the same for
 * cloud and physical SAMs.
 */
@Export
@Version("1.0.0")
package org.opennhi.contracts.sam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
