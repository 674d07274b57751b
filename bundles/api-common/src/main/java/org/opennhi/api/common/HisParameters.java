// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opennhi.contracts.card.HcArea;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PatientCheck;
import org.opennhi.engine.VisitRequest;

/** The manuals' input parameters checked and decoded; anything malformed is 6018 (or 9127 for ICD-10 input). */
public final class HisParameters {
    /** One 門診處方箋 record. */
    public static final int PRESCRIPTION_LENGTH = HcArea.OUTPATIENT_PRESCRIPTIONS.recordLength();

    private HisParameters() {
    }

    /** @return a C string's content: up to its first NUL; null is empty */
    public static String cString(String s) {
        if (s == null) {
            return "";
        }
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** @return 就診日期時間, 13 digits ROC */
    public static String dateTime(String s) throws NhiException {
        String v = cString(s);
        if (!v.matches("\\d{13}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "就診日期時間 is 13 digits (ROC YYYMMDDHHMMSS)");
        }
        return v;
    }

    /** @return the identity a write is checked against (身分證號, 出生日期) */
    public static PatientCheck patient(String id, String birth) throws NhiException {
        String i = cString(id).trim();
        String b = cString(birth).trim();
        if (!i.matches("[A-Za-z0-9]{1,10}") || !b.matches("\\d{7}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "身分證號 is up to 10 characters, 出生日期 7 digits");
        }
        return new PatientCheck(i, b);
    }

    /** pDataWrite: the manual's fixed layout, shorter input padded with spaces ("不足處補空白"). */
    public static byte[] dataWrite(String s, int length) throws NhiException {
        String v = cString(s);
        if (v.indexOf('[') >= 0) {
            // ICD-10 bracket form: its packing (押碼) is not public, so codes cannot be stored as the card expects
            throw new NhiException(ResultCode.ICD10_CODE_NOT_FOUND, "ICD-10 bracket input is not supported; pass "
                    + "the packed 5-byte codes");
        }
        byte[] b = v.getBytes(Buffers.BIG5);
        if (b.length > length) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pDataWrite holds at most " + length + " bytes");
        }
        byte[] out = Arrays.copyOf(b, length);
        Arrays.fill(out, b.length, length, (byte) ' ');
        return out;
    }

    /** @return iWriteCount, 1 to 60 */
    public static int writeCount(int[] iWriteCount) throws NhiException {
        if (iWriteCount == null || iWriteCount.length < 1 || iWriteCount[0] < 1 || iWriteCount[0] > 60) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "iWriteCount is 1 to 60");
        }
        return iWriteCount[0];
    }

    /** @return pDataWrite cut into count 61-byte prescriptions */
    public static List<byte[]> prescriptions(String pDataWrite, int count) throws NhiException {
        byte[] data = dataWrite(pDataWrite, PRESCRIPTION_LENGTH * count);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Arrays.copyOfRange(data, i * PRESCRIPTION_LENGTH, (i + 1) * PRESCRIPTION_LENGTH));
        }
        return out;
    }

    /**
     * Checked before the card is written (1.16, 1.20, 1.46, 1.47): pBufferDocID must hold the HPC holder's id and
     * its NUL, so that a call the HIS sees fail (6018) never wrote the card.
     */
    public static void docIdBuffer(byte[] pBufferDocID) throws NhiException {
        if (pBufferDocID == null || pBufferDocID.length < 11) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pBufferDocID holds at least 11 bytes");
        }
    }

    /** Writes the HPC holder's id and a NUL into pBufferDocID (11 bytes), or just a NUL without an HPC. */
    public static void docId(byte[] pBufferDocID, byte[] doc) throws NhiException {
        if (pBufferDocID == null || pBufferDocID.length < 1) {
            return;
        }
        if (doc.length == 0) {
            pBufferDocID[0] = 0;
            return;
        }
        if (pBufferDocID.length < doc.length + 1) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pBufferDocID holds at least 11 bytes");
        }
        System.arraycopy(doc, 0, pBufferDocID, 0, doc.length);
        pBufferDocID[doc.length] = 0;
    }

    /**
     * @param item cTreatItem, 就醫類別 (2)
     * @param baby cBabyTreat: ' ', 'N' or 'Y'
     * @param afterCheck cTreatAfterCheck: '2' is 補卡, anything else normal
     * @return the visit the engine takes
     */
    public static VisitRequest visit(String item, String baby, String afterCheck, VisitRequest.SignatureForm form,
            boolean treatmentId) throws NhiException {
        String category = cString(item);
        if (category.length() != 2) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "cTreatItem is 2 characters");
        }
        boolean newborn = switch (cString(baby).trim()) {
            case "", "0", "N" -> false;
            case "Y", "1" -> true;
            default -> throw new NhiException(ResultCode.BAD_PARAMETER, "cBabyTreat is ' ', 'N' or 'Y'");
        };
        // The official DLL takes '2' as 補卡 and anything else as normal (HIS samples pass "0" or 0x01).
        char after = cString(afterCheck).startsWith("2") ? '2' : '1';
        return new VisitRequest(category, newborn, after, form, treatmentId);
    }
}
