// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import static org.opennhi.api.common.Buffers.ascii;
import static org.opennhi.api.common.HisParameters.dateTime;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.Buffers;
import org.opennhi.api.common.HisParameters;
import org.opennhi.api.common.functions.CardEndpoints;
import org.opennhi.api.common.functions.RecordFunctions;
import org.opennhi.api.v5.CsHis;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;

/**
 * The 5.1.x functions over the card engine: those the 3.5.x generation shares come from {@link RecordFunctions}
 * (embedded in this bundle); here are csOpenCom/csCloseCom as 5.1.x means them, and the functions only 5.1.x
 * has (1.55, 1.56, 3.2, 3.3). Plain Java, so tests drive it directly.
 */
public class V5Facade extends RecordFunctions implements CsHis {
    /** The facade's version as {@code csGetVersionEx} reports it (5.1.5.8 → 5158). */
    public static final String VERSION = "5.1.5.8";
    /** {@link #VERSION} as the version code. */
    public static final int VERSION_CODE = 5158;
    private final IntUnaryOperator openCom;

    /**
     * @param engine the card engine
     * @param platformPin the platform's PIN entry (keypad, dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     */
    public V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location) {
        this(engine, platformPin, location, CallAudit.NONE);
    }

    /** @param audit where each call's audit record goes */
    public V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, CallAudit audit) {
        this(engine, platformPin, location, audit, V5Facade::anyFolder);
    }

    /** @param openCom csOpenCom: in the platform, {@link SamFolders} opens the SAM folder the port names */
    V5Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, CallAudit audit,
            IntUnaryOperator openCom) {
        super(engine, platformPin, location, audit);
        this.openCom = openCom;
    }

    /** csOpenCom without a platform (no NHI home to look in): any port a SAM folder name allows. */
    static int anyFolder(int comport) {
        return comport >= 0 && comport <= 98 ? 0 : ResultCode.SAM_FOLDER_INVALID.code();
    }

    @Override
    protected int versionCode() {
        return VERSION_CODE;
    }

    @Override
    public int csOpenCom(int comport) {
        return openCom.applyAsInt(comport); // 5.1.3 §1.31: the port names the SAM folder (0 = COMX1)
    }

    @Override
    public int csCloseCom() {
        return 0;
    }

    @Override
    public int hisGetTreatNumICCard(String pDateTime, byte[] pBuffer, int[] iBufferLen) {
        return call("hisGetTreatNumICCard", () -> Buffers.fill(pBuffer, iBufferLen,
                ascii(engine.treatmentId(dateTime(pDateTime), platformPin()))));
    }

    @Override
    public int hisQuickInsurence() {
        return call("hisQuickInsurence", engine::checkInsurance);
    }

    @Override
    public int csUploadDataPrec(String pUploadFileName, byte[] pFileSize, byte[] pNumber, String pPrecNumber,
            byte[] pBuffer, int[] iBufferLen) {
        return call("csUploadDataPrec", () -> upload(pUploadFileName, pFileSize, pNumber,
                OptionalInt.of((int) decimal(cString(pPrecNumber), "pPrecNumber")), pBuffer, iBufferLen,
                UPLOAD_REPLY + 130));
    }

    @Override
    public int csDownloadData(String pSAMID, String pHospID, String pNumber, String pSendDate, String pRecvDate,
            String pServerRandom, byte[] pDownloadFileName) {
        return call("csDownloadData", () -> {
            if (pDownloadFileName == null || pDownloadFileName.length < 2) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "pDownloadFileName receives the report's path");
            }
            java.nio.file.Path saved = engine.downloadUploadReport(cString(pSAMID).trim(), cString(pHospID).trim(),
                    (int) decimal(cString(pNumber), "pNumber"), cString(pSendDate).trim(), cString(pRecvDate).trim(),
                    cString(pServerRandom).trim());
            byte[] path = saved.toString().getBytes(StandardCharsets.UTF_8);
            if (path.length + 1 > pDownloadFileName.length) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "pDownloadFileName holds " + pDownloadFileName.length
                        + " bytes; the path needs " + (path.length + 1));
            }
            System.arraycopy(path, 0, pDownloadFileName, 0, path.length);
            pDownloadFileName[path.length] = 0;
        });
    }

    /** @return the C string in a byte buffer: up to its first NUL */
    static String cString(byte[] b) {
        return CardEndpoints.cString(b);
    }

    static String cString(String s) {
        return HisParameters.cString(s);
    }
}
