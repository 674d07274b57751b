// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3;

import org.opennhi.api.common.CardApi;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The 3.5.x API (讀卡機控制軟體 3.5.x for the dedicated NHI reader with a physical SAM, {@code cshis30.dll}),
 * numbered as in the 3.3 manual, plus 1.53 and 1.54 as 3.5.3.0 carries them, and 2.3/2.4 with the 5.1.x sizes
 * (40 and 20 bytes Big5; the 3.3 manual lists only 2.1–2.2). Every function but csOpenCom/csCloseCom is the one
 * both generations define ({@link CardApi}: all of the 3.3 manual's 1.1–1.54, 3.1, 4.1–4.8, 5.1 and 5.2, whose
 * layouts the 3.3 manual gives as 5.1.3 does); parameters map to Java as there.
 *
 * <p>The 3.x rule the 3.3 manual insists on (§1.31): {@link #csOpenCom(int)} must have returned 0 before any
 * other call. Until then, and after {@link #csCloseCom()}, every function that talks to the reader answers 4000
 * (讀卡機 timeout) — what the DLL gets from a reader it has no open port to. {@link #csGetVersionEx(byte[])}
 * needs no reader and always answers.
 */
@ProviderType
public interface CsHis30 extends CardApi {

    /** The facade's version (3.5.3.0); {@link #csGetVersionEx(byte[])} returns {@link #VERSION_CODE}. */
    String VERSION = "3.5.3.0";
    /** The version code of {@link #VERSION}: its digits. */
    int VERSION_CODE = 3530;

    /** 1.15 讀取卡片狀態: a status value (0–9), 4000 when no port is open or the reader timed out. */
    @Override
    int hisGetCardStatus(int cardType);

    /** 1.31 開啟讀卡機連結埠: 0 = COM1, 1 = COM2 …; 0 or −1 (開啟 COM 埠失敗: no such port, or busy). */
    int csOpenCom(int comport);

    /** 1.32 關閉讀卡機連結埠: 0. */
    int csCloseCom();
}
