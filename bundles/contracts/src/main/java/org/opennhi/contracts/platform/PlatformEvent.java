// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.opennhi.contracts.reader.Slot;

/**
 * Something a clinic, an integrator or an ops engineer may want to see happen: SAM and card authentications,
 * PIN verifications, HPC fast authentication, refused settings, the audit log's health. The watch overlay shows them and the audit log keeps them.
 * Never holds a PIN or a full id number; card numbers are masked ({@link #mask}).
 *
 * @param type what happened
 * @param slot the card's slot, when a card was involved
 * @param code the NHI result code (0 for success)
 * @param detail plain words
 * @param time when
 */
public record PlatformEvent(Type type, Optional<Slot> slot, int code, String detail, Instant time) {

    /** What happened. */
    public enum Type {
        /** The SAM authenticated with the IDC (csVerifySAMDC), or failed to ({@code code} ≠ 0). */
        SAM_AUTHENTICATION,
        /** An HC or HPC was authenticated with the SAM, or failed to be. */
        CARD_AUTHENTICATION,
        /** A PIN was verified on a card, or was wrong. */
        PIN_VERIFICATION,
        /** An HPC authorisation began, held by fast authentication, or ended. */
        HPC_AUTHORISATION,
        /**
         * A setting was refused and not applied ({@code code} 6018): a value that is not of its type or allowed
         * form reached the configuration by a way that could not refuse it (ConfigAdmin, a configuration file).
         * @since 1.1
         */
        SETTING_REFUSED,
        /**
         * The audit log could not be written ({@code code} 6016, calls that need an audit record are refused
         * until it can) or can be again ({@code code} 0). @since 1.1
         */
        AUDIT,
        /**
         * A notice for the staff and the HIS that never blocks a call: the visit-count reminder (就醫次數提醒,
         * {@code code} 1 for red text, else 0) or a critical illness ending soon (重大傷病到期). The detail starts
         * with its kind ({@code visitReminder}, {@code criticalIllnessExpiry}), then the official wording.
         * @since 1.1
         */
        NOTICE
    }

    /** @throws NullPointerException for a null argument */
    public PlatformEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(time, "time");
    }

    /** @return true for a success */
    public boolean succeeded() {
        return code == 0;
    }

    /**
     * @param number a card number or SAM id
     * @return the number with all but its last 4 characters replaced by {@code *}
     */
    public static String mask(String number) {
        if (number == null) {
            return "";
        }
        int keep = Math.min(4, number.length());
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
}
