// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

import java.time.LocalDateTime;
import java.util.List;

import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.SamIdentity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The card engine: every visit operation of the 5.1.x manual, typed and English-named; the numbers in brackets
 * are the manual's function numbers. Each operation owns the card for its whole APDU sequence, sends the
 * fewest APDUs the card profile allows, and answers from the card data it already read until that card
 * leaves the reader. Failures are {@link NhiException}s carrying the documented code.
 */
@ProviderType
public interface CardEngine {

    /** @return the HC's public basic profile (1.1, first 57 bytes); needs no SAM */
    BasicProfile basicProfile() throws NhiException;

    /** @return the HC's card status: cancellation, expiry, available visits (1.1 byte 58, 1.38) */
    CardStatus cardStatus() throws NhiException;

    /** @return the emergency phone, 14 bytes as on the card (1.1, 1.13) */
    byte[] emergencyPhone() throws NhiException;

    /**
     * @return 1.1's 72 bytes — basic profile, cancellation mark, emergency phone — read as one operation, so all
     *         of them come from the same card even when it is swapped meanwhile (since 1.2)
     */
    byte[] basicData() throws NhiException;

    /**
     * @param pin asked only when the holder enabled a PIN and it was not verified for this card yet
     * @return insurer code 2, insured-person mark 1, newborn birth date 7, newborn count 1 (1.2): 11 bytes
     */
    byte[] registration(PinSource pin) throws NhiException;

    /** @return the last sequence number area, 7 bytes (1.14) */
    byte[] lastSequenceNumber(PinSource pin) throws NhiException;

    /** @return true when the holder enabled a PIN on the HC (1.36) */
    boolean hcPinEnabled() throws NhiException;

    /**
     * @param slot the slot
     * @return the slot's status number as {@code hisGetCardStatus} returns it (1.15)
     */
    int slotStatus(Slot slot);

    /** @return the visit clock's date-time (1.34) */
    LocalDateTime now();

    /** @return the card number of the card in that slot, or the SAM id for {@link Slot#SAM} (1.35) */
    String cardNumber(Slot slot) throws NhiException;

    /**
     * Takes a visit (取號, 1.9, 1.37, 1.53): checks the card and the business rules, writes the visit to the
     * card, signs it with the SAM and, when asked, gets a treatment id.
     */
    Visit takeVisit(VisitRequest request, PinSource pin) throws NhiException;

    /** Undoes a visit of the last 24 hours at this institution (退掛, 1.39). */
    void undoVisit(String visitDateTime, PinSource pin) throws NhiException;

    /**
     * Writes diagnoses and/or fees into a visit on the card (1.16, 1.17, 1.47). Needs the authorised HPC: 4014
     * without one (and no fast authentication), 4042 with its PIN not verified.
     *
     * @return the id number bytes (10) of the authorised HPC holder
     */
    byte[] writeTreatment(TreatmentWrite write, PinSource pin) throws NhiException;

    /**
     * Writes outpatient prescriptions of a visit (1.18, 1.45, 1.48, 1.49). Needs the authorised HPC (4014/4042).
     *
     * @param patient who the HIS believes holds the card
     * @param visitDateTime the visit's ROC date-time; every record must start with it
     * @param records 61-byte records, 1 to 60
     * @param sign true to return one 40-byte prescription signature per record
     * @return the signatures (empty when not asked)
     */
    List<byte[]> writePrescriptions(PatientCheck patient, String visitDateTime, List<byte[]> records, boolean sign,
            PinSource pin) throws NhiException;

    /** @return the treatment id of a visit on the card, asked from the IDC (1.56) */
    String treatmentId(String visitDateTime, PinSource pin) throws NhiException;

    /**
     * A treatment id without a card (1.54): online from the IDC, or made offline with the SAM's key when the
     * IDC cannot be reached (and handed to the IDC later).
     *
     * @param idNumber the patient's id number
     * @param hospitalId the institution's id; must be the SAM's
     * @return the visit date-time (13) ‖ hospital id (10) ‖ treatment id (20)
     */
    String treatmentIdWithoutCard(String idNumber, String hospitalId) throws NhiException;

    /** @return the offline treatment ids still waiting for the IDC */
    int pendingOfflineTreatmentIds();

    /**
     * Hands the offline treatment ids to the IDC now.
     *
     * @return how many the IDC accepted
     * @throws NhiException {@code 4061} when the IDC still cannot be reached
     */
    int reconcileOfflineTreatmentIds() throws NhiException;

    /** Verifies the HC holder's PIN (1.27). */
    void verifyHcPin(PinSource pin) throws NhiException;

    /** Sets a PIN on an HC without one, or changes it after {@link #verifyHcPin} (1.28). */
    void setHcPin(PinSource pin) throws NhiException;

    /** Disables the HC's PIN; the PIN must have been verified first (1.29). */
    void disableHcPin(PinSource pin) throws NhiException;

    /** @return the HPC's public identity (4.5–4.8) */
    ProfessionalIdentity professional() throws NhiException;

    /** @return true when an HPC is in its reader (4.1) */
    boolean hpcPresent();

    /**
     * Verifies the HPC's PIN (4.2) through the platform's HPC authorisation: the grant the medical functions
     * need, held while the HPC stays or, with HPC fast authentication, for its hours.
     */
    void verifyHpcPin(PinSource pin) throws NhiException;

    /** Changes the HPC's PIN (4.3): old PIN, then the new one. */
    void changeHpcPin(PinSource pin) throws NhiException;

    /** Unblocks the HPC with its PUK and a new PIN (4.4). */
    void unlockHpc(PinSource pin) throws NhiException;

    /** Authenticates the SAM with the IDC (2.1). */
    void verifySam() throws NhiException;

    /** @return who the SAM belongs to (2.2–2.4) */
    SamIdentity sam() throws NhiException;

    /**
     * Forgets what the engine holds for a target (1.52): 0 reader, 1 SAM, 2 HPC, 3 HC.
     *
     * @param target 0–3
     * @throws NhiException {@code 6018} for another number
     */
    void reset(int target) throws NhiException;

    /**
     * 1.55: asks the IDC whether the holder of the inserted HC is insured now (即時查保), before a number is taken.
     * Reads only the card's public basic data (cached); takes no visit.
     *
     * @throws NhiException the IDC's answer when not insured ({@code 5012}, {@code 9083}–{@code 9092}),
     *         {@code 4061} the IDC cannot be reached, {@code 4000}/{@code 4013} the card
     */
    void checkInsurance() throws NhiException;

    // ---- health records (1.3–1.8, 1.10–1.12, 1.33, 1.41–1.44, 1.50) ----------------------------------

    /**
     * Reads a health-record area as the card holds it (all its records). Areas marked
     * {@link RecordArea#professional()} need an HPC in its reader whose PIN was verified; a pharmacist's HPC
     * reads no critical illnesses and no important orders, and of the outpatient prescriptions only the drug
     * classes 1, 2, A and B (the others come back as spaces).
     *
     * @param area what to read
     * @param pin asked only when the holder enabled a PIN and it was not verified for this card yet
     * @return the area's bytes, {@link RecordArea#length()} of them
     * @throws NhiException {@code 4014} no HPC, {@code 4034} not an HPC, {@code 4042} HPC PIN not verified,
     *         {@code 9100} pharmacist and critical illnesses or important orders, {@code 5015}–{@code 5018} a
     *         prescription area could not be read, {@code 5102}/{@code 5109} the holder's PIN
     */
    byte[] readRecords(RecordArea area, PinSource pin) throws NhiException;

    /**
     * @param pin asked only when the holder enabled a PIN and it was not verified for this card yet
     * @return the critical illnesses area with the codes blanked: validity dates only, which need no HPC (1.5)
     */
    byte[] criticalIllnessDates(PinSource pin) throws NhiException;

    // ---- health data writes (1.19–1.26, 1.46), card update (1.30, 1.40), uploads (3.1–3.3) -------------

    /**
     * Updates the HC from the IDC's record (1.30, 1.40): cancellation, expiry, available visits, insurer code,
     * insured-person mark, critical illnesses.
     *
     * @param resetCard true for 1.30 (the card is read afresh and usable at once); false for 1.40 (the card must
     *        be taken out and inserted again: HC operations answer 4013 until then)
     * @throws NhiException {@code 4061} the IDC cannot be reached, {@code 9012} the IDC has no record of the card,
     *         {@code 5130} the record is malformed or the write failed
     */
    void updateCardContents(boolean resetCard, PinSource pin) throws NhiException;

    /**
     * Registers a newborn dependant on the card (1.19).
     *
     * @param newbornBirthDate ROC {@code YYYMMDD}
     * @param multipleBirthMark 胞胎註記, {@code 1} to {@code 9}; blank with a date answers 5052
     */
    void writeNewborn(PatientCheck patient, String newbornBirthDate, String multipleBirthMark, PinSource pin)
            throws NhiException;

    /**
     * Writes allergic medicines (1.20: slots 1–3 at once; 1.46: one slot). Needs the HPC (4014/4042); pharmacy
     * staff answer 9100.
     *
     * @param firstSlot the first slot written, 1 to 3
     * @param entries 40-byte entries, one per slot from {@code firstSlot}
     * @return the authorising HPC holder's id number (10 bytes)
     */
    byte[] writeAllergies(PatientCheck patient, int firstSlot, List<byte[]> entries, PinSource pin)
            throws NhiException;

    /** Writes the 器官捐贈/安寧緩和醫療 mark, one character (1.21); blank answers 5062. */
    void writeOrganDonation(PatientCheck patient, String mark, PinSource pin) throws NhiException;

    /** Appends a preventive-care record dated today at this institution (1.22). */
    void writePreventiveCare(PatientCheck patient, String serviceMark, String itemCode, PinSource pin)
            throws NhiException;

    /** Replaces the emergency phone, up to 14 characters (1.23). */
    void writeEmergencyPhone(PatientCheck patient, String phone, PinSource pin) throws NhiException;

    /** Appends a prenatal check dated today at this institution (1.24); women only (5079). */
    void writePrenatalCheck(PatientCheck patient, String itemCode, PinSource pin) throws NhiException;

    /** Clears all 11 prenatal checks (1.25); women only (5079). */
    void deletePrenatalChecks(PatientCheck patient, PinSource pin) throws NhiException;

    /** Appends an inoculation dated today at this institution (1.26). */
    void writeInoculation(PatientCheck patient, String vaccine, String lotNumber, PinSource pin) throws NhiException;

    /**
     * Uploads a file of visit data to the IDC (3.1; 3.2 with the prescription count).
     *
     * @param file the file, read whole
     * @param declaredSize its size as the HIS states it (6015 when it differs)
     * @param records its record count
     * @param prescriptions its prescription count (3.2), empty for 3.1
     */
    UploadReceipt upload(java.nio.file.Path file, long declaredSize, int records, java.util.OptionalInt prescriptions)
            throws NhiException;

    /**
     * Downloads the check report of an upload (3.3) into the engine's download folder.
     *
     * @return the saved report's path
     */
    java.nio.file.Path downloadUploadReport(String samId, String hospitalId, int records, String sendDateTime,
            String receiveDateTime, String serverRandom) throws NhiException;
}
