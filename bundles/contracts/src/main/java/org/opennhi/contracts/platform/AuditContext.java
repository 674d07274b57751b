// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

import org.opennhi.contracts.reader.Slot;

/**
 * What the audit trail needs to know about the call running on this thread, gathered where it is known: the
 * transport (facade and caller, set by the HTTP facades and the console), the cards (slot, card number, APDUs,
 * whether a write set was committed; set by the card engine). The facade's call wrapper opens it, and the
 * outermost call reads it into one {@link AuditRecord}: nested calls add to their caller's record. Per thread,
 * no locks: the call path only counts.
 *
 * @since 1.2
 */
public final class AuditContext {
    private static final ThreadLocal<AuditContext> CURRENT = ThreadLocal.withInitial(AuditContext::new);

    private String facade;
    private String caller;
    private int depth;
    private int apdus;
    private boolean written;
    private boolean hc;
    private boolean hpc;
    private String hcCard;
    private String hpcCard;

    private AuditContext() {
    }

    /** @return this thread's context */
    public static AuditContext current() {
        return CURRENT.get();
    }

    /**
     * Names the transport of the calls this thread makes until {@link #clearTransport}.
     *
     * @param facade {@code v5}, {@code v3}, {@code native}, {@code console}
     * @param caller {@code token}, {@code session}, {@code ctl}, {@code gogo}
     */
    public static void transport(String facade, String caller) {
        AuditContext c = CURRENT.get();
        c.facade = facade;
        c.caller = caller;
    }

    /** Ends what {@link #transport} said. */
    public static void clearTransport() {
        AuditContext c = CURRENT.get();
        c.facade = null;
        c.caller = null;
    }

    /** The card engine sent one APDU to a card. */
    public static void apdu(Slot slot) {
        AuditContext c = CURRENT.get();
        if (c.depth > 0) {
            c.apdus++;
            c.touched(slot);
        }
    }

    /** The card engine had writes stored on the HC (a write set committed). */
    public static void cardWritten() {
        AuditContext c = CURRENT.get();
        if (c.depth > 0) {
            c.written = true;
            c.hc = true;
        }
    }

    /**
     * The card the call used, as the engine knows it (cache or card).
     *
     * @param slot HC or HPC
     * @param number its card number, kept unmasked in memory only until the record masks it
     */
    public static void card(Slot slot, String number) {
        AuditContext c = CURRENT.get();
        if (c.depth > 0 && number != null && !number.isBlank()) {
            if (slot == Slot.HPC) {
                c.hpcCard = number;
            } else {
                c.hcCard = number;
            }
            c.touched(slot);
        }
    }

    private void touched(Slot slot) {
        if (slot == Slot.HPC) {
            hpc = true;
        } else if (slot == Slot.HC) {
            hc = true;
        }
    }

    /** @return true when this is the outermost call (which makes the record); always pair with {@link #exit} */
    public boolean enter() {
        if (depth++ == 0) {
            apdus = 0;
            written = false;
            hc = false;
            hpc = false;
            hcCard = null;
            hpcCard = null;
            return true;
        }
        return false;
    }

    /** Ends a call begun with {@link #enter}. */
    public void exit() {
        if (depth > 0) {
            depth--;
        }
        if (depth == 0) {
            hcCard = null;
            hpcCard = null;
        }
    }

    /** @return the transport's facade, or {@code otherwise} when none was named */
    public String facade(String otherwise) {
        return facade == null ? otherwise : facade;
    }

    /** @return the transport's caller, or {@code otherwise} */
    public String caller(String otherwise) {
        return caller == null ? otherwise : caller;
    }

    /** @return how many APDUs the call sent to cards */
    public int apdus() {
        return apdus;
    }

    /** @return whether the call had the card store writes */
    public boolean written() {
        return written;
    }

    /** @return {@code HC}, {@code HPC}, {@code HC+HPC} or "" */
    public String slots() {
        return hc ? hpc ? "HC+HPC" : "HC" : hpc ? "HPC" : "";
    }

    /** @return the masked number of the HC the call used, else of the HPC, else "" */
    public String maskedCard() {
        String n = hcCard != null ? hcCard : hpcCard;
        return n == null ? "" : PlatformEvent.mask(n);
    }
}
