// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

/**
 * The visit-count reminder (就醫次數提醒): raised when a counted visit is taken for a holder aged over 18 with
 * no valid critical illness who has had 30 visits this year (40 from age 65), red from 90. It is an event and
 * a notice for the HIS, never a dialog that blocks it.
 *
 * @param cardNumber the card's number
 * @param visitsThisYear the visits counted this year before this one
 * @param age the holder's age on the visit day
 * @param red true at 90 visits or more (the manual's red text)
 * @param message the notice in Chinese
 */
public record VisitReminder(String cardNumber, int visitsThisYear, int age, boolean red, String message) {

    /** Shows the card number's last four digits only. */
    @Override
    public String toString() {
        return "VisitReminder[card …" + cardNumber.substring(Math.max(0, cardNumber.length() - 4)) + ", visits="
                + visitsThisYear + ", age=" + age + ", red=" + red + "]";
    }
}
