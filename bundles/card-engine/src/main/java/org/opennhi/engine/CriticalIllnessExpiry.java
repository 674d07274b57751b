// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

/**
 * The notice that a critical illness (重大傷病) on the card ends soon, shown on 取號 since the manual's 3.1
 * (change log: 取得就醫序號時自動提示重大傷病到期訊息). The manual names no window; the platform's is
 * {@link #WINDOW_DAYS} days up to and including the end date (docs/card-engine.md). Never blocks the visit.
 *
 * @param code the illness code as the card holds it (ICD-9 or packed ICD-10)
 * @param endDate the end date, ROC YYYMMDD
 * @param daysLeft days from the visit day to the end date, 0 on the last day
 * @param message the notice in Chinese
 * @since 1.2
 */
public record CriticalIllnessExpiry(String code, String endDate, long daysLeft, String message) {
    /** How many days before its end a critical illness is announced. */
    public static final int WINDOW_DAYS = 30;
}
