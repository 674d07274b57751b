package org.opennhi.contracts.result;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of NHI result codes: every return code the official control software documents, with its
 * official Chinese wording and an English one. Facades return {@link #code()}; logs and HTTP answers show
 * both wordings.
 *
 * <p>{@code 0} is success. Functions such as {@code hisGetCardStatus} return small status values (0..9)
 * that are <em>not</em> result codes; the reader and SAM status types model those.
 */
public enum ResultCode {
    /** -1: Could not open or close the COM port. */
    COM_PORT_FAILED(-1, "開啟/關閉 COM 埠失敗",
            "Could not open or close the COM port"),
    /** 0: Success. */
    SUCCESS(0, "成功",
            "Success"),
    /** 4000: Card reader timed out. */
    READER_TIMEOUT(4000, "讀卡機 timeout",
            "Card reader timed out"),
    /** 4012: No SAM (security module file or card) is present. */
    SAM_NOT_PRESENT(4012, "未置入安全模組檔",
            "No SAM (security module file or card) is present"),
    /** 4013: No NHI health card (HC) inserted. */
    HC_NOT_PRESENT(4013, "未置入健保 IC 卡",
            "No NHI health card (HC) inserted"),
    /** 4014: No health professional card (HPC) inserted. */
    HPC_NOT_PRESENT(4014, "未置入醫事人員卡",
            "No health professional card (HPC) inserted"),
    /** 4029: The IC card lacks the permission for this operation. */
    INSUFFICIENT_CARD_PERMISSION(4029, "IC 卡權限不足",
            "The IC card lacks the permission for this operation"),
    /** 4032: What was inserted is not a SAM. */
    NOT_A_SAM(4032, "所插入非安全模組檔",
            "What was inserted is not a SAM"),
    /** 4033: The inserted card is not an NHI health card. */
    NOT_AN_HC(4033, "所置入非健保 IC 卡",
            "The inserted card is not an NHI health card"),
    /** 4034: The inserted card is not a health professional card. */
    NOT_AN_HPC(4034, "所置入非醫事人員卡",
            "The inserted card is not a health professional card"),
    /** 4042: The health professional card's PIN has not been verified. */
    HPC_PIN_NOT_VERIFIED(4042, "醫事人員卡 PIN 尚未認證成功",
            "The health professional card's PIN has not been verified"),
    /** 4043: Reading or writing the health card failed. */
    HC_IO_ERROR(4043, "健保卡讀取/寫入作業異常",
            "Reading or writing the health card failed"),
    /** 4050: The SAM has not yet been authenticated with the IDC. */
    SAM_NOT_AUTHENTICATED(4050, "安全模組尚未與 IDC 認證",
            "The SAM has not yet been authenticated with the IDC"),
    /** 4051: SAM authentication with the IDC failed. */
    SAM_IDC_AUTH_FAILED(4051, "安全模組與 IDC 認證失敗",
            "SAM authentication with the IDC failed"),
    /** 4061: The network is unreachable. */
    NETWORK_DOWN(4061, "網路不通",
            "The network is unreachable"),
    /** 4071: Health card authentication with the IDC failed. */
    HC_IDC_AUTH_FAILED(4071, "健保 IC 卡與 IDC 認證失敗",
            "Health card authentication with the IDC failed"),
    /** 5001: No available visits left on the card. */
    NO_VISITS_LEFT(5001, "就醫可用次數不足",
            "No available visits left on the card"),
    /** 5002: The card has been cancelled. */
    CARD_CANCELLED(5002, "卡片已註銷",
            "The card has been cancelled"),
    /** 5003: The card has expired. */
    CARD_EXPIRED(5003, "卡片已過有效期限",
            "The card has expired"),
    /** 5004: Newborn dependent visit is more than 60 days after birth. */
    NEWBORN_OVER_60_DAYS(5004, "新生兒依附就醫已逾 60 日",
            "Newborn dependent visit is more than 60 days after birth"),
    /** 5005: Could not read the date and time from the IDC server. */
    VISIT_DATETIME_READ_FAILED(5005, "讀取 IDC 伺服器的日期時間失敗",
            "Could not read the date and time from the IDC server"),
    /** 5006: Could not read the hospital id from the SAM. */
    SAM_HOSPITAL_ID_READ_FAILED(5006, "讀取安全模組內的「醫療院所代碼」失敗",
            "Could not read the hospital id from the SAM"),
    /** 5007: Could not write a new visit record. */
    VISIT_RECORD_WRITE_FAILED(5007, "寫入一組新的「就醫資料登錄」失敗",
            "Could not write a new visit record"),
    /** 5008: The SAM failed to sign. */
    SAM_SIGNATURE_FAILED(5008, "安全模組簽章失敗",
            "The SAM failed to sign"),
    /** 5009: No permission to write visit records. */
    NO_WRITE_PERMISSION(5009, "無寫入就醫相關紀錄之權限",
            "No permission to write visit records"),
    /** 5010: Visits to two or more departments on the same day. */
    SAME_DAY_MULTIPLE_DEPARTMENTS(5010, "同一天看診兩科(含)以上",
            "Visits to two or more departments on the same day"),
    /** 5012: This person is not insured. */
    NOT_INSURED(5012, "此人未在保",
            "This person is not insured"),
    /** 5015: Could not read the outpatient prescriptions. */
    OUTPATIENT_PRESCRIPTION_READ_FAILED(5015, "「門診處方箋」讀取失敗。",
            "Could not read the outpatient prescriptions"),
    /** 5016: Could not read the long-term prescriptions. */
    LONG_TERM_PRESCRIPTION_READ_FAILED(5016, "「長期處方箋」讀取失敗。",
            "Could not read the long-term prescriptions"),
    /** 5017: Could not read the important medical orders. */
    IMPORTANT_ORDERS_READ_FAILED(5017, "「重要醫令」讀取失敗。",
            "Could not read the important medical orders"),
    /** 5018: Could not read the drug allergies from the health card. */
    ALLERGY_READ_FAILED(5018, "HC 卡「過敏藥物」讀取失敗",
            "Could not read the drug allergies from the health card"),
    /** 5020: The data to write does not belong to the person on the health card. */
    DATA_BELONGS_TO_OTHER_PERSON(5020, "要寫入的資料和健保 IC 卡不是屬於同一人。",
            "The data to write does not belong to the person on the health card"),
    /** 5022: The visit record was not found. */
    VISIT_RECORD_NOT_FOUND(5022, "找不到「就醫資料登錄」中的該組資料。",
            "The visit record was not found"),
    /** 5023: Writing the visit record failed. */
    VISIT_RECORD_UPDATE_FAILED(5023, "「就醫資料登錄」寫入失敗。",
            "Writing the visit record failed"),
    /** 5028: Writing the fee record to the health card failed. */
    FEE_RECORD_WRITE_FAILED(5028, "HC 卡「就醫費用紀錄」寫入失敗。",
            "Writing the fee record to the health card failed"),
    /** 5033: Writing the outpatient prescription failed. */
    OUTPATIENT_PRESCRIPTION_WRITE_FAILED(5033, "「門診處方箋」寫入失敗。",
            "Writing the outpatient prescription failed"),
    /** 5051: Writing the newborn mark failed. */
    NEWBORN_MARK_WRITE_FAILED(5051, "新生兒註記寫入失敗",
            "Writing the newborn mark failed"),
    /** 5052: A newborn birth date is present but the multiple-birth mark is missing. */
    NEWBORN_BIRTH_WITHOUT_MULTIPLE_BIRTH_MARK(5052, "有新生兒出生日期，但無新生兒胞胎註記資料",
            "A newborn birth date is present but the multiple-birth mark is missing"),
    /** 5056: Could not read the health professional's id. */
    HPC_ID_READ_FAILED(5056, "讀取醫事人員 ID 失敗",
            "Could not read the health professional's id"),
    /** 5057: Writing the drug allergy failed. */
    ALLERGY_WRITE_FAILED(5057, "過敏藥物寫入失敗。",
            "Writing the drug allergy failed"),
    /** 5061: Writing the organ donation and palliative care consent failed. */
    ORGAN_DONATION_WRITE_FAILED(5061, "同意器官捐贈及安寧緩和醫療註記寫入失敗寫入失敗",
            "Writing the organ donation and palliative care consent failed"),
    /** 5062: Entry of the organ donation and palliative care consent was abandoned. */
    ORGAN_DONATION_INPUT_ABANDONED(5062, "放棄同意器官捐贈及安寧緩和醫療註記輸入",
            "Entry of the organ donation and palliative care consent was abandoned"),
    /** 5067: Could not read the hospital id from the SAM file. */
    SAM_FILE_HOSPITAL_ID_READ_FAILED(5067, "安全模組檔「醫療院所代碼」讀取失敗",
            "Could not read the hospital id from the SAM file"),
    /** 5068: Writing the preventive care data failed. */
    PREVENTIVE_CARE_WRITE_FAILED(5068, "預防保健資料寫入失敗",
            "Writing the preventive care data failed"),
    /** 5069: Writing a child preventive care record into the prenatal area failed. */
    CHILD_CARE_INTO_PRENATAL_FAILED(5069, "兒童預防保健服務紀錄寫入孕婦產檢欄位失敗",
            "Writing a child preventive care record into the prenatal area failed"),
    /** 5071: Writing the emergency contact phone failed. */
    EMERGENCY_PHONE_WRITE_FAILED(5071, "緊急聯絡電話寫失敗。",
            "Writing the emergency contact phone failed"),
    /** 5078: Writing the prenatal examination data failed. */
    PRENATAL_WRITE_FAILED(5078, "產前檢查資料寫入失敗",
            "Writing the prenatal examination data failed"),
    /** 5079: Sex mismatch: the health card records the holder as male. */
    SEX_MISMATCH_MALE(5079, "性別不符，健保 IC 卡記載為男性",
            "Sex mismatch: the health card records the holder as male"),
    /** 5081: No visit at this institution in the last 24 hours, so no visit can be cancelled (checked for visit types ZA/ZB). */
    CANCEL_VISIT_NONE_IN_24H(5081, "最近 24 小時內同院所未曾就醫，故不可取消就醫（就醫類別輸入ZA/ZB 時檢查）",
            "No visit at this institution in the last 24 hours, so no visit can be cancelled (checked for visit types ZA/ZB)"),
    /** 5082: No prenatal service at this institution in the last 24 hours, so none can be cancelled (checked for XA). */
    CANCEL_PRENATAL_NONE_IN_24H(5082, "最近 24 小時內同院所未曾執行產檢服務紀錄，故不可取消產檢（輸入XA 時檢查）",
            "No prenatal service at this institution in the last 24 hours, so none can be cancelled (checked for XA)"),
    /** 5083: The last 6 visits hold no visit of type AC, so preventive care or prenatal records cannot be written alone. */
    PREVENTIVE_WITHOUT_AC_VISIT(5083, "最近 6 次就醫不含就醫類別 AC，不可單獨寫入預防保健或產檢紀錄",
            "The last 6 visits hold no visit of type AC, so preventive care or prenatal records cannot be written alone"),
    /** 5084: No preventive service at this institution in the last 24 hours, so none can be cancelled (checked for YA to YF). */
    CANCEL_PREVENTIVE_NONE_IN_24H(5084, "最近 24 小時內同院所未曾執行保健服務項目紀錄，故不可取消保健服務（輸入 YA~YF 時檢查）",
            "No preventive service at this institution in the last 24 hours, so none can be cancelled (checked for YA to YF)"),
    /** 5087: Deleting all 11 prenatal examination records failed. */
    PRENATAL_DELETE_ALL_FAILED(5087, "刪除「孕婦產前檢查(限女性)」全部 11 組的資料失敗。",
            "Deleting all 11 prenatal examination records failed"),
    /** 5093: Writing the inoculation data failed. */
    INOCULATION_WRITE_FAILED(5093, "預防接種資料寫入失敗",
            "Writing the inoculation data failed"),
    /** 5102: The PIN entered does not match the card's PIN. */
    PIN_MISMATCH(5102, "使用者所輸入之 pin 值，與卡上之 pin 值不合",
            "The PIN entered does not match the card's PIN"),
    /** 5105: The old PIN has not been verified. */
    OLD_PIN_NOT_VERIFIED(5105, "原 PIN 碼尚未通過認證",
            "The old PIN has not been verified"),
    /** 5107: The two new PIN entries differ. */
    NEW_PIN_ENTRIES_DIFFER(5107, "使用者輸入兩次新 PIN 值，兩次 PIN 值不合",
            "The two new PIN entries differ"),
    /** 5108: Changing the PIN failed. */
    PIN_CHANGE_FAILED(5108, "密碼變更失敗",
            "Changing the PIN failed"),
    /** 5109: PIN entry was cancelled. */
    PIN_ENTRY_CANCELLED(5109, "密碼輸入過程按『取消』鍵",
            "PIN entry was cancelled"),
    /** 5110: Remove the health professional card before changing the health card's PIN. */
    REMOVE_HPC_TO_CHANGE_PIN(5110, "變更健保 IC 卡密碼時， 請移除醫事人員卡",
            "Remove the health professional card before changing the health card's PIN"),
    /** 5111: Disabling failed; the health card's PIN is still enabled. */
    PIN_DISABLE_FAILED(5111, "停用失敗，且健保 IC 卡之 Pin 碼輸入功能仍啟用",
            "Disabling failed; the health card's PIN is still enabled"),
    /** 5122: The locked health professional card is still locked. */
    HPC_STILL_LOCKED(5122, "被鎖住的醫事人員卡仍未解開",
            "The locked health professional card is still locked"),
    /** 5130: Updating the health card's content failed. */
    CARD_UPDATE_FAILED(5130, "更新健保 IC 卡內容失敗。",
            "Updating the health card's content failed"),
    /** 5141: No health professional card inserted: only the validity dates of critical illnesses can be read. */
    CRITICAL_ILLNESS_DATES_ONLY_WITHOUT_HPC(5141, "未置入醫事人員卡， 僅能讀取重大傷病有效起訖日期",
            "No health professional card inserted: only the validity dates of critical illnesses can be read"),
    /** 5150: The card holds no such visit record. */
    VISIT_NOT_ON_CARD(5150, "卡片中無此筆就醫記錄",
            "The card holds no such visit record"),
    /** 5151: Only visits with a numeric visit type can be undone. */
    UNDO_NEEDS_NUMERIC_VISIT_TYPE(5151, "就醫類別為數值才可退掛",
            "Only visits with a numeric visit type can be undone"),
    /** 5152: The visit belongs to another institution and cannot be undone. */
    UNDO_DIFFERENT_INSTITUTION(5152, "醫療院所不同，不可退掛",
            "The visit belongs to another institution and cannot be undone"),
    /** 5153: This visit has already been undone. */
    UNDO_ALREADY_DONE(5153, "本筆就醫記錄已經退掛過，不可重覆退掛",
            "This visit has already been undone"),
    /** 5154: The undo date is not allowed. */
    UNDO_DATE_NOT_ALLOWED(5154, "退掛日期不符合規定",
            "The undo date is not allowed"),
    /** 5160: Implausible available visit count. */
    IMPLAUSIBLE_VISITS_LEFT(5160, "就醫可用次數不合理",
            "Implausible available visit count"),
    /** 5161: Implausible year of the last visit. */
    IMPLAUSIBLE_LAST_VISIT_YEAR(5161, "最近一次就醫年不合理",
            "Implausible year of the last visit"),
    /** 5162: Implausible last visit sequence number. */
    IMPLAUSIBLE_LAST_SEQUENCE(5162, "最近一次就醫序號不合理",
            "Implausible last visit sequence number"),
    /** 5163: Implausible cumulative inpatient fees. */
    IMPLAUSIBLE_INPATIENT_FEE_TOTAL(5163, "住診費用總累計不合理",
            "Implausible cumulative inpatient fees"),
    /** 5164: Implausible cumulative outpatient fees. */
    IMPLAUSIBLE_OUTPATIENT_FEE_TOTAL(5164, "門診費用總累計不合理",
            "Implausible cumulative outpatient fees"),
    /** 5165: Implausible year of the cumulative data. */
    IMPLAUSIBLE_CUMULATIVE_YEAR(5165, "就醫累計資料年不合理",
            "Implausible year of the cumulative data"),
    /** 5166: Implausible cumulative outpatient and inpatient visit count. */
    IMPLAUSIBLE_VISIT_COUNT_TOTAL(5166, "門住診就醫累計次數不合理",
            "Implausible cumulative outpatient and inpatient visit count"),
    /** 5167: Implausible cumulative outpatient co-payment. */
    IMPLAUSIBLE_OUTPATIENT_COPAY(5167, "門診部分負擔費用累計不合理",
            "Implausible cumulative outpatient co-payment"),
    /** 5168: Implausible co-payment for inpatient stays up to 30 acute or 180 chronic days. */
    IMPLAUSIBLE_SHORT_STAY_COPAY(5168, "住診急性 30 天、慢性 180 天以下部分負擔費用累計不合理",
            "Implausible co-payment for inpatient stays up to 30 acute or 180 chronic days"),
    /** 5169: Implausible co-payment for inpatient stays from 31 acute or 181 chronic days. */
    IMPLAUSIBLE_LONG_STAY_COPAY(5169, "住診急性 31 天、慢性 181 天以上部分負擔費用累計不合理",
            "Implausible co-payment for inpatient stays from 31 acute or 181 chronic days"),
    /** 5170: Implausible cumulative outpatient plus inpatient co-payment. */
    IMPLAUSIBLE_TOTAL_COPAY(5170, "門診+住診部分負擔費用累計不合理",
            "Implausible cumulative outpatient plus inpatient co-payment"),
    /** 5171: Implausible co-payment for outpatient plus short inpatient stays. */
    IMPLAUSIBLE_OUTPATIENT_SHORT_STAY_COPAY(5171, "[門診+住診(急性 30 天、慢性 180 天以下)]部分負擔費用累計不合理",
            "Implausible co-payment for outpatient plus short inpatient stays"),
    /** 5172: Implausible cumulative outpatient medical fees. */
    IMPLAUSIBLE_OUTPATIENT_MEDICAL_FEES(5172, "門診醫療費用累計不合理",
            "Implausible cumulative outpatient medical fees"),
    /** 5173: Implausible cumulative inpatient medical fees. */
    IMPLAUSIBLE_INPATIENT_MEDICAL_FEES(5173, "住診醫療費用累計不合理",
            "Implausible cumulative inpatient medical fees"),
    /** 5174: Could not get a treatment id (make sure the current control software is installed). */
    TREATMENT_ID_FAILED(5174, "取就醫識別碼失敗",
            "Could not get a treatment id (make sure the current control software is installed)"),
    /** 6005: External authentication of the SAM failed. */
    SAM_EXTERNAL_AUTH_FAILED(6005, "安全模組檔的外部認證失敗",
            "External authentication of the SAM failed"),
    /** 6006: External authentication of the IDC failed. */
    IDC_EXTERNAL_AUTH_FAILED(6006, "IDC 的外部認證失敗",
            "External authentication of the IDC failed"),
    /** 6007: Internal authentication of the SAM failed. */
    SAM_INTERNAL_AUTH_FAILED(6007, "安全模組檔的內部認證失敗",
            "Internal authentication of the SAM failed"),
    /** 6008: Writing the reader's date and time failed. */
    READER_CLOCK_WRITE_FAILED(6008, "寫入讀卡機日期時間失敗",
            "Writing the reader's date and time failed"),
    /** 6014: The IDC could not verify the signature. */
    IDC_SIGNATURE_CHECK_FAILED(6014, "IDC 驗證簽章失敗",
            "The IDC could not verify the signature"),
    /** 6015: Wrong file size or file transfer failed. */
    FILE_SIZE_OR_TRANSFER_FAILED(6015, "檔案大小不合或檔案傳輸失敗",
            "Wrong file size or file transfer failed"),
    /** 6016: Not enough memory. */
    OUT_OF_MEMORY(6016, "記憶體空間不足",
            "Not enough memory"),
    /** 6017: The file cannot be opened (no permission) or was not found. */
    FILE_ACCESS_DENIED(6017, "權限不足無法開啟檔案或找不到檔案",
            "The file cannot be opened (no permission) or was not found"),
    /** 6018: Invalid parameter. */
    BAD_PARAMETER(6018, "參數錯誤",
            "Invalid parameter"),
    /** 6019: The health professional card's PIN must not be empty. */
    HPC_PIN_EMPTY(6019, "醫事人員卡密碼不能為空白",
            "The health professional card's PIN must not be empty"),
    /** 9001: The message header sent to the IDC failed its check. */
    IDC_HEADER_MISMATCH(9001, "送至 IDC Message Header 檢核不符",
            "The message header sent to the IDC failed its check"),
    /** 9002: The message sent to the IDC has a syntax error. */
    IDC_SYNTAX_ERROR(9002, "送至 IDC 語法不符",
            "The message sent to the IDC has a syntax error"),
    /** 9003: The operation with the IDC timed out. */
    IDC_TIMEOUT(9003, "與 IDC 作業逾時",
            "The operation with the IDC timed out"),
    /** 9004: The IDC is out of service. */
    IDC_UNAVAILABLE(9004, "IDC 異常無法 Service",
            "The IDC is out of service"),
    /** 9005: The requested function cannot be run. */
    FUNCTION_NOT_AVAILABLE(9005, "要求的函式無法執行",
            "The requested function cannot be run"),
    /** 9010: The IDC cannot verify this card. */
    IDC_CANNOT_VERIFY_CARD(9010, "IDC 無法驗證該卡片",
            "The IDC cannot verify this card"),
    /** 9011: The IDC failed to verify the health card. */
    IDC_HC_VERIFY_FAILED(9011, "IDC 驗證健保 IC 卡失敗",
            "The IDC failed to verify the health card"),
    /** 9012: The IDC has no data for this card. */
    IDC_UNKNOWN_CARD(9012, "IDC 無該卡片資料",
            "The IDC has no data for this card"),
    /** 9013: Invalid SAM file. */
    INVALID_SAM_FILE(9013, "無效的安全模組檔",
            "Invalid SAM file"),
    /** 9014: The IDC failed to authenticate the SAM file. */
    IDC_SAM_AUTH_FAILED(9014, "IDC 對安全模組檔認證失敗",
            "The IDC failed to authenticate the SAM file"),
    /** 9015: The SAM file failed to authenticate the IDC. */
    SAM_IDC_COUNTER_AUTH_FAILED(9015, "安全模組檔對 IDC 認證失敗",
            "The SAM file failed to authenticate the IDC"),
    /** 9020: Signature verification error at the IDC. */
    IDC_SIGNATURE_ERROR(9020, "IDC 驗章錯誤",
            "Signature verification error at the IDC"),
    /** 9030: Authentication with the card management system cannot be run. */
    CARD_MANAGEMENT_AUTH_UNAVAILABLE(9030, "無法執行卡片管理系統的認證",
            "Authentication with the card management system cannot be run"),
    /** 9039: Incorrect PIN. */
    PIN_INCORRECT(9039, "密碼(PIN碼)不正確",
            "Incorrect PIN"),
    /** 9040: Health card applet personalisation authentication cannot be run. */
    APPLET_PERSO_AUTH_UNAVAILABLE(9040, "無法執行健保 IC 卡 Applet Perso 認證",
            "Health card applet personalisation authentication cannot be run"),
    /** 9041: Health card applet personalisation authentication failed. */
    APPLET_PERSO_AUTH_FAILED(9041, "健保 IC 卡 Applet Perso 認證失敗",
            "Health card applet personalisation authentication failed"),
    /** 9042: The PIN has expired. */
    PIN_EXPIRED(9042, "密碼已過期",
            "The PIN has expired"),
    /** 9043: The PIN is locked. */
    PIN_LOCKED(9043, "PIN碼已鎖住",
            "The PIN is locked"),
    /** 9045: The certificate has been revoked. */
    CERTIFICATE_REVOKED(9045, "憑證狀態為已被撤銷",
            "The certificate has been revoked"),
    /** 9050: The SAM card generation update authentication cannot be run. */
    SAM_GENERATION_UPDATE_UNAVAILABLE(9050, "無法執行安全模組卡世代碼更新認證",
            "The SAM card generation update authentication cannot be run"),
    /** 9051: The SAM card generation update authentication failed. */
    SAM_GENERATION_UPDATE_FAILED(9051, "安全模組卡世代碼更新認證失敗",
            "The SAM card generation update authentication failed"),
    /** 9056: Card reader or certificate not installed. */
    READER_OR_CERTIFICATE_MISSING(9056, "讀卡機或憑證未安裝",
            "Card reader or certificate not installed"),
    /** 9060: The SAM file is suspended as a contract penalty. */
    SAM_SUSPENDED_PENALTY(9060, "安全模組檔遭停約處罰",
            "The SAM file is suspended as a contract penalty"),
    /** 9061: The SAM file is outside its validity period. */
    SAM_NOT_VALID_NOW(9061, "安全模組檔不在有效期內",
            "The SAM file is outside its validity period"),
    /** 9062: The SAM file's contract has expired or is not yet in force. */
    SAM_CONTRACT_NOT_IN_FORCE(9062, "安全模組檔合約逾期或尚未生效",
            "The SAM file's contract has expired or is not yet in force"),
    /** 9070: Upload size mismatch: the file cannot be received. */
    UPLOAD_SIZE_MISMATCH(9070, "上傳資料大小不符無法接收檔案",
            "Upload size mismatch: the file cannot be received"),
    /** 9071: The upload date does not match the data centre. */
    UPLOAD_DATE_MISMATCH(9071, "上傳日期與 Data Center 不一致",
            "The upload date does not match the data centre"),
    /** 9081: The card has more than 3 visits left and is not due for an update. */
    CARD_UPDATE_NOT_DUE(9081, "卡片可用次數大於 3 次， 未達可更新標準",
            "The card has more than 3 visits left and is not due for an update"),
    /** 9082: The card is cancelled and cannot be updated. */
    CARD_UPDATE_CANCELLED_CARD(9082, "此卡已被註銷， 無法進行卡片更新作業",
            "The card is cancelled and cannot be updated"),
    /** 9083: Not insured. */
    INSURANCE_NOT_INSURED(9083, "不在保",
            "Not insured"),
    /** 9084: Insurance suspended. */
    INSURANCE_SUSPENDED(9084, "停保中",
            "Insurance suspended"),
    /** 9085: Insurance withdrawn. */
    INSURANCE_WITHDRAWN(9085, "已退保",
            "Insurance withdrawn"),
    /** 9086: Personal premium arrears. */
    INSURANCE_PERSONAL_ARREARS(9086, "個人欠費",
            "Personal premium arrears"),
    /** 9087: Premium arrears of the responsible person. */
    INSURANCE_OWNER_ARREARS(9087, "負責人欠費",
            "Premium arrears of the responsible person"),
    /** 9088: Premium arrears of the insuring unit. */
    INSURANCE_EMPLOYER_ARREARS(9088, "投保單位欠費",
            "Premium arrears of the insuring unit"),
    /** 9089: Premium arrears of both the person and the insuring unit. */
    INSURANCE_PERSONAL_AND_EMPLOYER_ARREARS(9089, "個人及單位均欠費",
            "Premium arrears of both the person and the insuring unit"),
    /** 9090: In arrears and not insured. */
    INSURANCE_ARREARS_NOT_INSURED(9090, "欠費且未在保",
            "In arrears and not insured"),
    /** 9091: False declaration. */
    INSURANCE_FALSE_DECLARATION(9091, "聲明不實",
            "False declaration"),
    /** 9092: Other insurance status problem. */
    INSURANCE_OTHER(9092, "其他",
            "Other insurance status problem"),
    /** 9093: Insurance check: insured identity does not match. */
    INSURANCE_IDENTITY_MISMATCH(9093, "即時查保: 投保身分不一致",
            "Insurance check: insured identity does not match"),
    /** 9094: Insurance check: suspended or withdrawn. */
    INSURANCE_SUSPENDED_OR_WITHDRAWN(9094, "即時查保: 停保或退保",
            "Insurance check: suspended or withdrawn"),
    /** 9095: Insurance check: premium arrears. */
    INSURANCE_ARREARS(9095, "即時查保: 欠費",
            "Insurance check: premium arrears"),
    /** 9100: Pharmacists, pharmacy assistants and pharmacy cards have no permission. */
    PHARMACY_NOT_PERMITTED(9100, "藥師，藥劑生，特約藥局或藥局專用卡無權限",
            "Pharmacists, pharmacy assistants and pharmacy cards have no permission"),
    /** 9101: The inserted card is not a physician's card. */
    NOT_A_PHYSICIAN_CARD(9101, "「所置入非醫師卡」",
            "The inserted card is not a physician's card"),
    /** 9102: Reserved. */
    RESERVED_9102(9102, "保留項目",
            "Reserved"),
    /** 9103: Reserved. */
    RESERVED_9103(9103, "保留項目",
            "Reserved"),
    /** 9104: Reserved. */
    RESERVED_9104(9104, "保留項目",
            "Reserved"),
    /** 9105: Reserved. */
    RESERVED_9105(9105, "保留項目",
            "Reserved"),
    /** 9106: Reserved. */
    RESERVED_9106(9106, "保留項目",
            "Reserved"),
    /** 9107: Reserved. */
    RESERVED_9107(9107, "保留項目",
            "Reserved"),
    /** 9108: Reserved. */
    RESERVED_9108(9108, "保留項目",
            "Reserved"),
    /** 9109: Reserved. */
    RESERVED_9109(9109, "保留項目",
            "Reserved"),
    /** 9110: Reserved. */
    RESERVED_9110(9110, "保留項目",
            "Reserved"),
    /** 9111: Reserved. */
    RESERVED_9111(9111, "保留項目",
            "Reserved"),
    /** 9112: Reserved. */
    RESERVED_9112(9112, "保留項目",
            "Reserved"),
    /** 9113: Reserved. */
    RESERVED_9113(9113, "保留項目",
            "Reserved"),
    /** 9114: Reserved. */
    RESERVED_9114(9114, "保留項目",
            "Reserved"),
    /** 9115: Reserved. */
    RESERVED_9115(9115, "保留項目",
            "Reserved"),
    /** 9116: Reserved. */
    RESERVED_9116(9116, "保留項目",
            "Reserved"),
    /** 9117: Reserved. */
    RESERVED_9117(9117, "保留項目",
            "Reserved"),
    /** 9118: Reserved. */
    RESERVED_9118(9118, "保留項目",
            "Reserved"),
    /** 9119: Reserved. */
    RESERVED_9119(9119, "保留項目",
            "Reserved"),
    /** 9120: Reserved. */
    RESERVED_9120(9120, "保留項目",
            "Reserved"),
    /** 9121: Reserved. */
    RESERVED_9121(9121, "保留項目",
            "Reserved"),
    /** 9122: Reserved. */
    RESERVED_9122(9122, "保留項目",
            "Reserved"),
    /** 9123: Reserved. */
    RESERVED_9123(9123, "保留項目",
            "Reserved"),
    /** 9124: Reserved. */
    RESERVED_9124(9124, "保留項目",
            "Reserved"),
    /** 9125: Reserved. */
    RESERVED_9125(9125, "保留項目",
            "Reserved"),
    /** 9126: Reserved. */
    RESERVED_9126(9126, "保留項目",
            "Reserved"),
    /** 9127: No matching code found, or the parameters were passed the wrong way. */
    ICD10_CODE_NOT_FOUND(9127, "找不到對應編碼內容或參數傳遞方式錯誤",
            "No matching code found, or the parameters were passed the wrong way"),
    /** 9128: Reserved. */
    RESERVED_9128(9128, "保留項目",
            "Reserved"),
    /** 9129: The card holder is restricted to another medical institution. */
    RESTRICTED_TO_OTHER_INSTITUTION(9129, "持卡人於非所限制的醫療院所就診",
            "The card holder is restricted to another medical institution"),
    /** 9130: The health professional card has been revoked or suspended. */
    HPC_REVOKED(9130, "醫事人員卡已註銷或停用",
            "The health professional card has been revoked or suspended"),
    /** 9140: The health professional card has expired. */
    HPC_EXPIRED(9140, "醫事人員卡已逾有效期限",
            "The health professional card has expired"),
    /** 9200: The SAM folder is wrong or missing, or holds more than one SAM file. */
    SAM_FOLDER_INVALID(9200, "安全模組檔目錄錯誤或不存在或數量超過一個以上",
            "The SAM folder is wrong or missing, or holds more than one SAM file"),
    /** 9201: The SAM file cannot be read: put the correct SAM file issued by NHI in the SAM folder (C:\NHI\SAM\COMX1). */
    SAM_FILE_UNREADABLE(9201, "初始安全模組檔讀取異常，請在 C:\\NHI\\SAM\\COMX1 目錄下放置健保署正確安全模組檔。",
            "The SAM file cannot be read: put the correct SAM file issued by NHI in the SAM folder (C:\\NHI\\SAM\\COMX1)"),
    /** 9202: The SAM file has already been used on another computer: put an unused SAM file issued by NHI in the SAM folder (C:\NHI\SAM\COMX1). */
    SAM_FILE_BOUND_ELSEWHERE(9202, "安全模組檔讀取異常，已在其它電腦使用過，請在C:\\NHI\\SAM\\COMX1 目錄下放置健保署正確安全模組檔。",
            "The SAM file has already been used on another computer: put an unused SAM file issued by NHI in the SAM folder (C:\\NHI\\SAM\\COMX1)"),
    /** 9203: Card pairing error: production and test cards must not be mixed. */
    TEST_PRODUCTION_MIX(9203, "卡片配對錯誤，正式卡與測試卡不能混用",
            "Card pairing error: production and test cards must not be mixed"),
    /** 9204: No card reader found, or the PC/SC service is not working. */
    NO_READER_OR_PCSC_ERROR(9204, "找不到讀卡機，或 PCSC 環境異常",
            "No card reader found, or the PC/SC service is not working"),
    /** 9205: Could not open the card reader's port. */
    READER_PORT_OPEN_FAILED(9205, "開啟讀卡機連結埠失敗",
            "Could not open the card reader's port"),
    /** 9210: Internal authentication of the health card failed. */
    HC_INTERNAL_AUTH_FAILED(9210, "健保 IC 卡內部認證失敗",
            "Internal authentication of the health card failed"),
    /** 9211: The cloud SAM (IDC) failed to authenticate the health card. */
    CLOUD_SAM_HC_AUTH_FAILED(9211, "雲端安全模組(IDC)對健保 IC 卡認證失敗",
            "The cloud SAM (IDC) failed to authenticate the health card"),
    /** 9212: The health card failed to authenticate the cloud SAM. */
    HC_CLOUD_SAM_AUTH_FAILED(9212, "健保 IC 卡對雲端安全模組認證失敗",
            "The health card failed to authenticate the cloud SAM"),
    /** 9213: Card update through the cloud SAM timed out. */
    CLOUD_SAM_CARD_UPDATE_TIMEOUT(9213, "雲端安全模組卡片更新逾時",
            "Card update through the cloud SAM timed out"),
    /** 9220: Internal authentication of the health professional card failed. */
    HPC_INTERNAL_AUTH_FAILED(9220, "醫事人員卡內部認證失敗",
            "Internal authentication of the health professional card failed"),
    /** 9221: The cloud SAM (IDC) failed to verify the health professional card. */
    CLOUD_SAM_HPC_AUTH_FAILED(9221, "雲端安全模組(IDC)驗證醫事人員卡失敗",
            "The cloud SAM (IDC) failed to verify the health professional card"),
    /** 9230: Could not read the institution's name from the SAM file. */
    SAM_FILE_HOSPITAL_NAME_READ_FAILED(9230, "安全模組檔「醫療院所名稱」讀取失敗",
            "Could not read the institution's name from the SAM file"),
    /** 9231: Could not read the institution's short name from the SAM file. */
    SAM_FILE_HOSPITAL_SHORT_NAME_READ_FAILED(9231, "安全模組檔「醫療院所簡稱」讀取失敗",
            "Could not read the institution's short name from the SAM file"),
    /** 9240: The cloud SAM console is not running. */
    CLOUD_SAM_CONSOLE_NOT_RUNNING(9240, "雲端安全模組主控台沒啓動",
            "The cloud SAM console is not running"),
    /** 9250: PIN verification of the virtual physician card failed. */
    VIRTUAL_HPC_PIN_FAILED(9250, "虛擬醫師驗 PIN 失敗",
            "PIN verification of the virtual physician card failed"),
    /** 9251: The virtual physician card session timed out: log in again. */
    VIRTUAL_HPC_TIMED_OUT(9251, "虛擬醫師卡逾時,請重新登入",
            "The virtual physician card session timed out: log in again"),
    /** 9267: The same physician card is logged in on another computer. */
    HPC_LOGGED_IN_ELSEWHERE(9267, "同一醫師卡在另外一台電腦登入",
            "The same physician card is logged in on another computer"),
    /** 9999: No reader for the health professional card found. */
    HPC_READER_NOT_FOUND(9999, "找不到醫事人員卡讀卡機",
            "No reader for the health professional card found");

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

    ResultCode(int code, String chinese, String english) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
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

    /** @return e.g. {@code 4013 未置入健保 IC 卡 (No NHI health card (HC) inserted)}, for logs and messages */
    public String describe() {
        return code + " " + chinese + " (" + english + ")";
    }
}
