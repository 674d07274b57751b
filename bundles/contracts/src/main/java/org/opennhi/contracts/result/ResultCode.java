// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The catalogue of NHI result codes: every return code the official control software documents, with its
 * official Chinese wording and an English one. Facades return {@link #code()}; logs and HTTP answers show
 * both wordings, which live in {@code ResultCode.properties} beside this class.
 *
 * <p>{@code 0} is success. Functions such as {@code hisGetCardStatus} return small status values (0..9)
 * that are <em>not</em> result codes; the reader and SAM status types model those.
 */
public enum ResultCode {
    /** -1: Could not open or close the COM port. */
    COM_PORT_FAILED(-1),
    /** 0: Success. */
    SUCCESS(0),
    /** 4000: Card reader timed out. */
    READER_TIMEOUT(4000),
    /** 4012: No SAM (security module file or card) is present. */
    SAM_NOT_PRESENT(4012),
    /** 4013: No NHI health card (HC) inserted. */
    HC_NOT_PRESENT(4013),
    /** 4014: No health professional card (HPC) inserted. */
    HPC_NOT_PRESENT(4014),
    /** 4029: The IC card lacks the permission for this operation. */
    INSUFFICIENT_CARD_PERMISSION(4029),
    /** 4032: What was inserted is not a SAM. */
    NOT_A_SAM(4032),
    /** 4033: The inserted card is not an NHI health card. */
    NOT_AN_HC(4033),
    /** 4034: The inserted card is not a health professional card. */
    NOT_AN_HPC(4034),
    /** 4042: The health professional card's PIN has not been verified. */
    HPC_PIN_NOT_VERIFIED(4042),
    /** 4043: Reading or writing the health card failed. */
    HC_IO_ERROR(4043),
    /** 4050: The SAM has not yet been authenticated with the IDC. */
    SAM_NOT_AUTHENTICATED(4050),
    /** 4051: SAM authentication with the IDC failed. */
    SAM_IDC_AUTH_FAILED(4051),
    /** 4061: The network is unreachable. */
    NETWORK_DOWN(4061),
    /** 4071: Health card authentication with the IDC failed. */
    HC_IDC_AUTH_FAILED(4071),
    /** 5001: No available visits left on the card. */
    NO_VISITS_LEFT(5001),
    /** 5002: The card has been cancelled. */
    CARD_CANCELLED(5002),
    /** 5003: The card has expired. */
    CARD_EXPIRED(5003),
    /** 5004: Newborn dependent visit is more than 60 days after birth. */
    NEWBORN_OVER_60_DAYS(5004),
    /** 5005: Could not read the date and time from the IDC server. */
    VISIT_DATETIME_READ_FAILED(5005),
    /** 5006: Could not read the hospital id from the SAM. */
    SAM_HOSPITAL_ID_READ_FAILED(5006),
    /** 5007: Could not write a new visit record. */
    VISIT_RECORD_WRITE_FAILED(5007),
    /** 5008: The SAM failed to sign. */
    SAM_SIGNATURE_FAILED(5008),
    /** 5009: No permission to write visit records. */
    NO_WRITE_PERMISSION(5009),
    /** 5010: Visits to two or more departments on the same day. */
    SAME_DAY_MULTIPLE_DEPARTMENTS(5010),
    /** 5012: This person is not insured. */
    NOT_INSURED(5012),
    /** 5015: Could not read the outpatient prescriptions. */
    OUTPATIENT_PRESCRIPTION_READ_FAILED(5015),
    /** 5016: Could not read the long-term prescriptions. */
    LONG_TERM_PRESCRIPTION_READ_FAILED(5016),
    /** 5017: Could not read the important medical orders. */
    IMPORTANT_ORDERS_READ_FAILED(5017),
    /** 5018: Could not read the drug allergies from the health card. */
    ALLERGY_READ_FAILED(5018),
    /** 5020: The data to write does not belong to the person on the health card. */
    DATA_BELONGS_TO_OTHER_PERSON(5020),
    /** 5022: The visit record was not found. */
    VISIT_RECORD_NOT_FOUND(5022),
    /** 5023: Writing the visit record failed. */
    VISIT_RECORD_UPDATE_FAILED(5023),
    /** 5028: Writing the fee record to the health card failed. */
    FEE_RECORD_WRITE_FAILED(5028),
    /** 5033: Writing the outpatient prescription failed. */
    OUTPATIENT_PRESCRIPTION_WRITE_FAILED(5033),
    /** 5051: Writing the newborn mark failed. */
    NEWBORN_MARK_WRITE_FAILED(5051),
    /** 5052: A newborn birth date is present but the multiple-birth mark is missing. */
    NEWBORN_BIRTH_WITHOUT_MULTIPLE_BIRTH_MARK(5052),
    /** 5056: Could not read the health professional's id. */
    HPC_ID_READ_FAILED(5056),
    /** 5057: Writing the drug allergy failed. */
    ALLERGY_WRITE_FAILED(5057),
    /** 5061: Writing the organ donation and palliative care consent failed. */
    ORGAN_DONATION_WRITE_FAILED(5061),
    /** 5062: Entry of the organ donation and palliative care consent was abandoned. */
    ORGAN_DONATION_INPUT_ABANDONED(5062),
    /** 5067: Could not read the hospital id from the SAM file. */
    SAM_FILE_HOSPITAL_ID_READ_FAILED(5067),
    /** 5068: Writing the preventive care data failed. */
    PREVENTIVE_CARE_WRITE_FAILED(5068),
    /** 5069: Writing a child preventive care record into the prenatal area failed. */
    CHILD_CARE_INTO_PRENATAL_FAILED(5069),
    /** 5071: Writing the emergency contact phone failed. */
    EMERGENCY_PHONE_WRITE_FAILED(5071),
    /** 5078: Writing the prenatal examination data failed. */
    PRENATAL_WRITE_FAILED(5078),
    /** 5079: Sex mismatch: the health card records the holder as male. */
    SEX_MISMATCH_MALE(5079),
    /** 5081: No visit at this institution in the last 24 hours, so no visit can be cancelled (checked for visit types ZA/ZB). */
    CANCEL_VISIT_NONE_IN_24H(5081),
    /** 5082: No prenatal service at this institution in the last 24 hours, so none can be cancelled (checked for XA). */
    CANCEL_PRENATAL_NONE_IN_24H(5082),
    /** 5083: The last 6 visits hold no visit of type AC, so preventive care or prenatal records cannot be written alone. */
    PREVENTIVE_WITHOUT_AC_VISIT(5083),
    /** 5084: No preventive service at this institution in the last 24 hours, so none can be cancelled (checked for YA to YF). */
    CANCEL_PREVENTIVE_NONE_IN_24H(5084),
    /** 5087: Deleting all 11 prenatal examination records failed. */
    PRENATAL_DELETE_ALL_FAILED(5087),
    /** 5093: Writing the inoculation data failed. */
    INOCULATION_WRITE_FAILED(5093),
    /** 5102: The PIN entered does not match the card's PIN. */
    PIN_MISMATCH(5102),
    /** 5105: The old PIN has not been verified. */
    OLD_PIN_NOT_VERIFIED(5105),
    /** 5107: The two new PIN entries differ. */
    NEW_PIN_ENTRIES_DIFFER(5107),
    /** 5108: Changing the PIN failed. */
    PIN_CHANGE_FAILED(5108),
    /** 5109: PIN entry was cancelled. */
    PIN_ENTRY_CANCELLED(5109),
    /** 5110: Remove the health professional card before changing the health card's PIN. */
    REMOVE_HPC_TO_CHANGE_PIN(5110),
    /** 5111: Disabling failed; the health card's PIN is still enabled. */
    PIN_DISABLE_FAILED(5111),
    /** 5122: The locked health professional card is still locked. */
    HPC_STILL_LOCKED(5122),
    /** 5130: Updating the health card's content failed. */
    CARD_UPDATE_FAILED(5130),
    /** 5141: No health professional card inserted: only the validity dates of critical illnesses can be read. */
    CRITICAL_ILLNESS_DATES_ONLY_WITHOUT_HPC(5141),
    /** 5150: The card holds no such visit record. */
    VISIT_NOT_ON_CARD(5150),
    /** 5151: Only visits with a numeric visit type can be undone. */
    UNDO_NEEDS_NUMERIC_VISIT_TYPE(5151),
    /** 5152: The visit belongs to another institution and cannot be undone. */
    UNDO_DIFFERENT_INSTITUTION(5152),
    /** 5153: This visit has already been undone. */
    UNDO_ALREADY_DONE(5153),
    /** 5154: The undo date is not allowed. */
    UNDO_DATE_NOT_ALLOWED(5154),
    /** 5160: Implausible available visit count. */
    IMPLAUSIBLE_VISITS_LEFT(5160),
    /** 5161: Implausible year of the last visit. */
    IMPLAUSIBLE_LAST_VISIT_YEAR(5161),
    /** 5162: Implausible last visit sequence number. */
    IMPLAUSIBLE_LAST_SEQUENCE(5162),
    /** 5163: Implausible cumulative inpatient fees. */
    IMPLAUSIBLE_INPATIENT_FEE_TOTAL(5163),
    /** 5164: Implausible cumulative outpatient fees. */
    IMPLAUSIBLE_OUTPATIENT_FEE_TOTAL(5164),
    /** 5165: Implausible year of the cumulative data. */
    IMPLAUSIBLE_CUMULATIVE_YEAR(5165),
    /** 5166: Implausible cumulative outpatient and inpatient visit count. */
    IMPLAUSIBLE_VISIT_COUNT_TOTAL(5166),
    /** 5167: Implausible cumulative outpatient co-payment. */
    IMPLAUSIBLE_OUTPATIENT_COPAY(5167),
    /** 5168: Implausible co-payment for inpatient stays up to 30 acute or 180 chronic days. */
    IMPLAUSIBLE_SHORT_STAY_COPAY(5168),
    /** 5169: Implausible co-payment for inpatient stays from 31 acute or 181 chronic days. */
    IMPLAUSIBLE_LONG_STAY_COPAY(5169),
    /** 5170: Implausible cumulative outpatient plus inpatient co-payment. */
    IMPLAUSIBLE_TOTAL_COPAY(5170),
    /** 5171: Implausible co-payment for outpatient plus short inpatient stays. */
    IMPLAUSIBLE_OUTPATIENT_SHORT_STAY_COPAY(5171),
    /** 5172: Implausible cumulative outpatient medical fees. */
    IMPLAUSIBLE_OUTPATIENT_MEDICAL_FEES(5172),
    /** 5173: Implausible cumulative inpatient medical fees. */
    IMPLAUSIBLE_INPATIENT_MEDICAL_FEES(5173),
    /** 5174: Could not get a treatment id (make sure the current control software is installed). */
    TREATMENT_ID_FAILED(5174),
    /** 6005: External authentication of the SAM failed. */
    SAM_EXTERNAL_AUTH_FAILED(6005),
    /** 6006: External authentication of the IDC failed. */
    IDC_EXTERNAL_AUTH_FAILED(6006),
    /** 6007: Internal authentication of the SAM failed. */
    SAM_INTERNAL_AUTH_FAILED(6007),
    /** 6008: Writing the reader's date and time failed. */
    READER_CLOCK_WRITE_FAILED(6008),
    /** 6014: The IDC could not verify the signature. */
    IDC_SIGNATURE_CHECK_FAILED(6014),
    /** 6015: Wrong file size or file transfer failed. */
    FILE_SIZE_OR_TRANSFER_FAILED(6015),
    /** 6016: Not enough memory. */
    OUT_OF_MEMORY(6016),
    /** 6017: The file cannot be opened (no permission) or was not found. */
    FILE_ACCESS_DENIED(6017),
    /** 6018: Invalid parameter. */
    BAD_PARAMETER(6018),
    /** 6019: The health professional card's PIN must not be empty. */
    HPC_PIN_EMPTY(6019),
    /** 9001: The message header sent to the IDC failed its check. */
    IDC_HEADER_MISMATCH(9001),
    /** 9002: The message sent to the IDC has a syntax error. */
    IDC_SYNTAX_ERROR(9002),
    /** 9003: The operation with the IDC timed out. */
    IDC_TIMEOUT(9003),
    /** 9004: The IDC is out of service. */
    IDC_UNAVAILABLE(9004),
    /** 9005: The requested function cannot be run. */
    FUNCTION_NOT_AVAILABLE(9005),
    /** 9010: The IDC cannot verify this card. */
    IDC_CANNOT_VERIFY_CARD(9010),
    /** 9011: The IDC failed to verify the health card. */
    IDC_HC_VERIFY_FAILED(9011),
    /** 9012: The IDC has no data for this card. */
    IDC_UNKNOWN_CARD(9012),
    /** 9013: Invalid SAM file. */
    INVALID_SAM_FILE(9013),
    /** 9014: The IDC failed to authenticate the SAM file. */
    IDC_SAM_AUTH_FAILED(9014),
    /** 9015: The SAM file failed to authenticate the IDC. */
    SAM_IDC_COUNTER_AUTH_FAILED(9015),
    /** 9020: Signature verification error at the IDC. */
    IDC_SIGNATURE_ERROR(9020),
    /** 9030: Authentication with the card management system cannot be run. */
    CARD_MANAGEMENT_AUTH_UNAVAILABLE(9030),
    /** 9039: Incorrect PIN. */
    PIN_INCORRECT(9039),
    /** 9040: Health card applet personalisation authentication cannot be run. */
    APPLET_PERSO_AUTH_UNAVAILABLE(9040),
    /** 9041: Health card applet personalisation authentication failed. */
    APPLET_PERSO_AUTH_FAILED(9041),
    /** 9042: The PIN has expired. */
    PIN_EXPIRED(9042),
    /** 9043: The PIN is locked. */
    PIN_LOCKED(9043),
    /** 9045: The certificate has been revoked. */
    CERTIFICATE_REVOKED(9045),
    /** 9050: The SAM card generation update authentication cannot be run. */
    SAM_GENERATION_UPDATE_UNAVAILABLE(9050),
    /** 9051: The SAM card generation update authentication failed. */
    SAM_GENERATION_UPDATE_FAILED(9051),
    /** 9056: Card reader or certificate not installed. */
    READER_OR_CERTIFICATE_MISSING(9056),
    /** 9060: The SAM file is suspended as a contract penalty. */
    SAM_SUSPENDED_PENALTY(9060),
    /** 9061: The SAM file is outside its validity period. */
    SAM_NOT_VALID_NOW(9061),
    /** 9062: The SAM file's contract has expired or is not yet in force. */
    SAM_CONTRACT_NOT_IN_FORCE(9062),
    /** 9070: Upload size mismatch: the file cannot be received. */
    UPLOAD_SIZE_MISMATCH(9070),
    /** 9071: The upload date does not match the data centre. */
    UPLOAD_DATE_MISMATCH(9071),
    /** 9081: The card has more than 3 visits left and is not due for an update. */
    CARD_UPDATE_NOT_DUE(9081),
    /** 9082: The card is cancelled and cannot be updated. */
    CARD_UPDATE_CANCELLED_CARD(9082),
    /** 9083: Not insured. */
    INSURANCE_NOT_INSURED(9083),
    /** 9084: Insurance suspended. */
    INSURANCE_SUSPENDED(9084),
    /** 9085: Insurance withdrawn. */
    INSURANCE_WITHDRAWN(9085),
    /** 9086: Personal premium arrears. */
    INSURANCE_PERSONAL_ARREARS(9086),
    /** 9087: Premium arrears of the responsible person. */
    INSURANCE_OWNER_ARREARS(9087),
    /** 9088: Premium arrears of the insuring unit. */
    INSURANCE_EMPLOYER_ARREARS(9088),
    /** 9089: Premium arrears of both the person and the insuring unit. */
    INSURANCE_PERSONAL_AND_EMPLOYER_ARREARS(9089),
    /** 9090: In arrears and not insured. */
    INSURANCE_ARREARS_NOT_INSURED(9090),
    /** 9091: False declaration. */
    INSURANCE_FALSE_DECLARATION(9091),
    /** 9092: Other insurance status problem. */
    INSURANCE_OTHER(9092),
    /** 9093: Insurance check: insured identity does not match. */
    INSURANCE_IDENTITY_MISMATCH(9093),
    /** 9094: Insurance check: suspended or withdrawn. */
    INSURANCE_SUSPENDED_OR_WITHDRAWN(9094),
    /** 9095: Insurance check: premium arrears. */
    INSURANCE_ARREARS(9095),
    /** 9100: Pharmacists, pharmacy assistants and pharmacy cards have no permission. */
    PHARMACY_NOT_PERMITTED(9100),
    /** 9101: The inserted card is not a physician's card. */
    NOT_A_PHYSICIAN_CARD(9101),
    /** 9102..9126: Reserved (NHI keeps these codes without a meaning). */
    RESERVED_9102(9102), RESERVED_9103(9103), RESERVED_9104(9104), RESERVED_9105(9105), RESERVED_9106(9106),
    RESERVED_9107(9107), RESERVED_9108(9108), RESERVED_9109(9109), RESERVED_9110(9110), RESERVED_9111(9111),
    RESERVED_9112(9112), RESERVED_9113(9113), RESERVED_9114(9114), RESERVED_9115(9115), RESERVED_9116(9116),
    RESERVED_9117(9117), RESERVED_9118(9118), RESERVED_9119(9119), RESERVED_9120(9120), RESERVED_9121(9121),
    RESERVED_9122(9122), RESERVED_9123(9123), RESERVED_9124(9124), RESERVED_9125(9125), RESERVED_9126(9126),
    /** 9127: No matching code found, or the parameters were passed the wrong way. */
    ICD10_CODE_NOT_FOUND(9127),
    /** 9128: Reserved (NHI keeps these codes without a meaning). */
    RESERVED_9128(9128),
    /** 9129: The card holder is restricted to another medical institution. */
    RESTRICTED_TO_OTHER_INSTITUTION(9129),
    /** 9130: The health professional card has been revoked or suspended. */
    HPC_REVOKED(9130),
    /** 9140: The health professional card has expired. */
    HPC_EXPIRED(9140),
    /** 9200: The SAM folder is wrong or missing, or holds more than one SAM file. */
    SAM_FOLDER_INVALID(9200),
    /** 9201: The SAM file cannot be read: put the correct SAM file issued by NHI in the SAM folder (C:\NHI\SAM\COMX1). */
    SAM_FILE_UNREADABLE(9201),
    /** 9202: The SAM file has already been used on another computer: put an unused SAM file issued by NHI in the SAM folder (C:\NHI\SAM\COMX1). */
    SAM_FILE_BOUND_ELSEWHERE(9202),
    /** 9203: Card pairing error: production and test cards must not be mixed. */
    TEST_PRODUCTION_MIX(9203),
    /** 9204: No card reader found, or the PC/SC service is not working. */
    NO_READER_OR_PCSC_ERROR(9204),
    /** 9205: Could not open the card reader's port. */
    READER_PORT_OPEN_FAILED(9205),
    /** 9210: Internal authentication of the health card failed. */
    HC_INTERNAL_AUTH_FAILED(9210),
    /** 9211: The cloud SAM (IDC) failed to authenticate the health card. */
    CLOUD_SAM_HC_AUTH_FAILED(9211),
    /** 9212: The health card failed to authenticate the cloud SAM. */
    HC_CLOUD_SAM_AUTH_FAILED(9212),
    /** 9213: Card update through the cloud SAM timed out. */
    CLOUD_SAM_CARD_UPDATE_TIMEOUT(9213),
    /** 9220: Internal authentication of the health professional card failed. */
    HPC_INTERNAL_AUTH_FAILED(9220),
    /** 9221: The cloud SAM (IDC) failed to verify the health professional card. */
    CLOUD_SAM_HPC_AUTH_FAILED(9221),
    /** 9230: Could not read the institution's name from the SAM file. */
    SAM_FILE_HOSPITAL_NAME_READ_FAILED(9230),
    /** 9231: Could not read the institution's short name from the SAM file. */
    SAM_FILE_HOSPITAL_SHORT_NAME_READ_FAILED(9231),
    /** 9240: The cloud SAM console is not running. */
    CLOUD_SAM_CONSOLE_NOT_RUNNING(9240),
    /** 9250: PIN verification of the virtual physician card failed. */
    VIRTUAL_HPC_PIN_FAILED(9250),
    /** 9251: The virtual physician card session timed out: log in again. */
    VIRTUAL_HPC_TIMED_OUT(9251),
    /** 9267: The same physician card is logged in on another computer. */
    HPC_LOGGED_IN_ELSEWHERE(9267),
    /** 9999: No reader for the health professional card found. */
    HPC_READER_NOT_FOUND(9999);

    private static final Map<Integer, ResultCode> BY_CODE;

    static {
        Map<Integer, ResultCode> byCode = new HashMap<>();
        for (ResultCode c : values()) {
            if (byCode.put(c.code, c) != null) {
                throw new ExceptionInInitializerError("duplicate result code " + c.code);
            }
        }
        BY_CODE = Collections.unmodifiableMap(byCode);
    }

    private final int code;
    private final String chinese;
    private final String english;

    ResultCode(int code) {
        this.code = code;
        this.chinese = Wording.of(code, "zh");
        this.english = Wording.of(code, "en");
    }

    /** @return the numeric code a legacy function returns, e.g. {@code 4013} */
    public int code() {
        return code;
    }

    /** @return the official wording in Traditional Chinese */
    public String chinese() {
        return chinese;
    }

    /** @return the English wording */
    public String english() {
        return english;
    }

    /** @return true only for {@link #SUCCESS} */
    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** @return true for the codes NHI keeps reserved without a meaning (9102..9126, 9128) */
    public boolean isReserved() {
        return name().startsWith("RESERVED_");
    }

    /**
     * Looks a numeric code up.
     *
     * @param code a numeric result code
     * @return the catalogue entry, or empty when the code is not documented
     */
    public static Optional<ResultCode> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The wordings, kept in {@code ResultCode.properties} beside this class so the catalogue stays readable. */
    private static final class Wording {
        private static final Properties TABLE = load();

        private static Properties load() {
            Properties table = new Properties();
            try (InputStream in = ResultCode.class.getResourceAsStream("ResultCode.properties")) {
                if (in == null) {
                    throw new ExceptionInInitializerError("ResultCode.properties is missing");
                }
                table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return table;
        }

        static String of(int code, String language) {
            String text = TABLE.getProperty(code + "." + language);
            if (text == null) {
                throw new ExceptionInInitializerError("no " + language + " wording for result code " + code);
            }
            return text;
        }
    }

    /** @return e.g. {@code 4013 未置入健保 IC 卡 (No NHI health card (HC) inserted)}, for logs and messages */
    public String describe() {
        return code + " " + chinese + " (" + english + ")";
    }
}
