package org.opennhi.contracts.sam;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a SAM plugin implements: one kind of SAM (a cloud SAM file, a physical SAM card, a vendor's). Register
 * it as an OSGi service with {@value SamService#MODE_PROPERTY} naming its mode; the platform's SAM service
 * selects the plugin of the configured mode, so switching mode is a configuration change. Status changes are
 * told to {@link SamStatusListener} services (whiteboard).
 */
@ConsumerType
public interface SamPlugin extends SamService {
}
