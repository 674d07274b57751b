package org.opennhi.contracts.reader;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: told when the status of the card in a slot changes as {@code hisGetCardStatus} reports it — the
 * states a reader cannot see by itself: authenticated with the SAM, PIN verified, authenticated with the IDC.
 * Whoever brings a card into such a state (the SAM service after card authentication, the HPC authorisation
 * after a PIN check, the card engine) tells every registered listener; the watch overlay draws its lights from
 * it. Insertion and removal come as {@link ReaderEvent}s and need no report here.
 */
@ConsumerType
@FunctionalInterface
public interface CardStatusListener {

    /**
     * @param slot HC or HPC
     * @param status what {@code hisGetCardStatus(slot.legacyCardType())} now returns: HC 1 not authenticated,
     *        2 authenticated with the SAM, 3 authenticated with the HPC, 4 PIN verified, 5 authenticated with the
     *        IDC, 9 not an HC; HPC 1 not authenticated, 2 authenticated (PIN not verified), 3 PIN verified, 9 not
     *        an HPC
     */
    void cardStatusChanged(Slot slot, int status);
}
