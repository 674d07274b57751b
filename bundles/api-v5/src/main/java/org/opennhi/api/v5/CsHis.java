// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5;

import org.opennhi.api.common.CardApi;
import org.opennhi.engine.PinSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The 5.1.x API (讀卡機控制軟體 5.1.x, {@code cshis.dll}) with the manual's names and parameters, numbered as
 * in the manual. C parameters map to Java as follows: an output buffer {@code char *pBuffer} is a
 * {@code byte[]} the caller allocates; {@code int *iBufferLen} is a one-element {@code int[]} holding the
 * buffer's capacity on the way in (only its low 16 bits count, as the official header declares it
 * {@code short *}) and the number of bytes written on the way out; no trailing NUL is written. Input strings
 * ({@code char *}) are {@code String}s of the manual's widths. Every function returns a code of the NHI
 * catalogue ({@link org.opennhi.contracts.result.ResultCode}); a buffer too small for the answer is 6018 and
 * leaves the buffer and its length untouched.
 *
 * <p>The functions the 3.5.x API shares are declared in {@link CardApi}; here are those 5.1.x has alone (1.55,
 * 1.56, 3.2, 3.3), and csOpenCom/csCloseCom as 5.1.x means them.
 *
 * <p>Functions that open a PIN dialog in the official DLL take a {@link PinSource}; the no-argument forms ask
 * the platform's PIN entry (keypad or dialog) when one is installed, else answer 5109.
 */
@ProviderType
public interface CsHis extends CardApi {

    // ---- what 5.1.x adds to the functions both generations share (CardApi) ----------------------

    /** 1.31 開啟讀卡機連結埠: 0 = {@code SAM/COMX1}, 1 = {@code COMX2} … */
    int csOpenCom(int comport);

    /** 1.32 關閉讀卡機連結埠. */
    int csCloseCom();

    /** 1.56 以就診日期時間取得就醫識別碼: 20 bytes. */
    int hisGetTreatNumICCard(String pDateTime, byte[] pBuffer, int[] iBufferLen);

    /**
     * 1.55 即時查保 before taking a number: 0 when the inserted HC's holder is insured, else the IDC's code (5012,
     * 9083–9092; 4061 offline). The export's name is known (with its spelling) but no declaration is public: this
     * form, with no parameters and no buffer, is the platform's (docs/card-engine.md).
     */
    int hisQuickInsurence();

    // ---- uploads only 5.1.x has (3.2, 3.3) -------------------------------------------------------

    /** 3.2 資料上傳 with 處方筆數: 180 bytes, 3.1's 50 then the server random (51–180) that 3.3 needs. */
    int csUploadDataPrec(String pUploadFileName, byte[] pFileSize, byte[] pNumber, String pPrecNumber,
            byte[] pBuffer, int[] iBufferLen);

    /**
     * 3.3 檢核錯誤報表資料自動下載: saves the IDC's check report of an upload; pDownloadFileName receives the
     * saved file's full path and a NUL.
     */
    int csDownloadData(String pSAMID, String pHospID, String pNumber, String pSendDate, String pRecvDate,
            String pServerRandom, byte[] pDownloadFileName);
}
