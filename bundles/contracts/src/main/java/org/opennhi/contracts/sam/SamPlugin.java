package org.opennhi.contracts.sam;

import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a SAM plugin implements: one kind of SAM (a cloud SAM file, a physical SAM card, a vendor's). Register
 * it as an OSGi service with {@value SamService#MODE_PROPERTY} naming its mode; the platform's SAM service
 * selects the plugin of the configured mode, so switching mode is a configuration change. Status changes are
 * told to {@link SamStatusListener} services (whiteboard).
 */
@ConsumerType
public interface SamPlugin extends SamService {

    /**
     * Mutual authentication when the platform has already selected the card's application in {@code session}
     * and read its public card number (the SAM service does both for the test/production guard), so the plugin
     * need not send those APDUs again. Plugins that do not override it authenticate from scratch.
     *
     * @param session an open session on the card's slot, its application selected, nothing else done since
     * @param cardNumber the card number read from the card's public area (12 characters)
     * @return the channel for protected writes
     * @throws NhiException as {@link #authenticateCard(CardSession)}
     */
    default SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException {
        return authenticateCard(session);
    }
}
