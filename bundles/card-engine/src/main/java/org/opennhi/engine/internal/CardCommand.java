// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.util.HashMap;
import java.util.Map;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

/**
 * The card commands the engine sends, each with its table of status words (docs/card-profile.md §3): what the
 * card means by it and the NHI result code it becomes, so one status word means one thing per command in one
 * place. A status word a table leaves out is the command's own failure code. Writes fail with the code of the
 * operation that sent them (the manual gives each write function its own), so their tables name only meanings.
 */
enum CardCommand {
    /** §3.1: the HC applet; any refusal means the card is no HC. */
    SELECT_HC("SELECT of the HC applet", ResultCode.NOT_AN_HC),
    /** §3.1: the HPC applet. */
    SELECT_HPC("SELECT of the HPC applet", ResultCode.NOT_AN_HPC),
    /** §3.2 GET DATA of an HC area. */
    READ("GET DATA", ResultCode.HC_IO_ERROR,
            on(Sw.SECURITY, Outcome.NEEDS_SECURITY, ResultCode.INSUFFICIENT_CARD_PERMISSION,
                    "needs authentication or the holder's PIN"),
            on(Sw.LOCKED, Outcome.FAILED, ResultCode.INSUFFICIENT_CARD_PERMISSION, "the card is locked"),
            notSelected()),
    /** §3.2 GET DATA of the HPC's identity (§5). */
    READ_HPC_IDENTITY("GET DATA of the HPC's identity", ResultCode.HPC_ID_READ_FAILED),
    /** §3.5 PUT DATA and APPEND RECORD, protected. */
    WRITE("PUT DATA / APPEND RECORD", null, stale(Sw.SECURITY, "no authenticated session"),
            stale(Sw.MAC_REFUSED, "MAC refused"), stale(Sw.NOT_SELECTED, "not selected"),
            on(Sw.LOCKED, Outcome.FAILED, null, "the card is locked")),
    /** §3.5.1 BEGIN WRITE SET, plain: where a write set finds the SAM's channel stale. */
    BEGIN_WRITE_SET("BEGIN WRITE SET", null, stale(Sw.SECURITY, "no authenticated session"),
            stale(Sw.NOT_SELECTED, "not selected"), on(Sw.LOCKED, Outcome.FAILED, null, "the card is locked")),
    /** §3.5.1 COMMIT WRITE SET, protected. */
    COMMIT_WRITE_SET("COMMIT WRITE SET", null, stale(Sw.SECURITY, "no authenticated session"),
            stale(Sw.MAC_REFUSED, "MAC refused"), on(Sw.CONDITIONS, Outcome.FAILED, null, "no write set open"),
            on(Sw.WRONG_DATA, Outcome.FAILED, null, "not the number of writes staged")),
    /** §3.6 VERIFY of the HC's PIN: a card without a PIN needs none. */
    VERIFY_HC_PIN("HC VERIFY", ResultCode.HC_IO_ERROR, pinAnswers(ResultCode.PIN_MISMATCH,
            on(Sw.NO_PIN, Outcome.NO_PIN, null, "no PIN enabled"))),
    /** §3.6 CHANGE REFERENCE DATA on the HC. */
    CHANGE_HC_PIN("HC CHANGE REFERENCE DATA", ResultCode.HC_IO_ERROR, pinAnswers(ResultCode.PIN_MISMATCH,
            notSelected())),
    /** §3.6 ENABLE VERIFICATION on the HC (csInputHCPIN). */
    ENABLE_HC_PIN("HC ENABLE VERIFICATION", ResultCode.HC_IO_ERROR, pinAnswers(ResultCode.PIN_MISMATCH,
            notSelected(), on(Sw.CONDITIONS, Outcome.FAILED, ResultCode.PIN_CHANGE_FAILED,
                    "a PIN is already enabled"))),
    /** §3.6 DISABLE VERIFICATION on the HC (csDisableHCPIN): the PIN must be verified in this session. */
    DISABLE_HC_PIN("HC DISABLE VERIFICATION", ResultCode.PIN_DISABLE_FAILED,
            on(Sw.SECURITY, Outcome.FAILED, ResultCode.OLD_PIN_NOT_VERIFIED, "the PIN is not verified"),
            notSelected()),
    /** §3.6 CHANGE REFERENCE DATA on the HPC. */
    CHANGE_HPC_PIN("HPC CHANGE REFERENCE DATA", ResultCode.HC_IO_ERROR, pinAnswers(ResultCode.HPC_STILL_LOCKED)),
    /** §3.6 RESET RETRY COUNTER on the HPC (hpcUnlockHPC). */
    UNBLOCK_HPC_PIN("HPC RESET RETRY COUNTER", ResultCode.HC_IO_ERROR, pinAnswers(ResultCode.HPC_STILL_LOCKED,
            on(Sw.VERIFICATION_FAILED, Outcome.FAILED, ResultCode.HPC_STILL_LOCKED, "wrong PUK")));

    /** What the engine does about a status word. */
    enum Outcome {
        /** The command did its work. */
        DONE,
        /** VERIFY: the card has no PIN, so none is needed. */
        NO_PIN,
        /** The card forgot its applet selection (a reset): select and send again. */
        NOT_SELECTED,
        /** The card wants mutual authentication, or the holder's PIN, first. */
        NEEDS_SECURITY,
        /** The first command of a write found the kept SAM channel stale: renew it once. */
        STALE_CHANNEL,
        /** Nothing to put right: the call fails. */
        FAILED
    }

    /**
     * @param outcome what the engine does about it
     * @param code the NHI result code; null for the operation's own
     * @param meaning what the card means, for the message
     */
    record Answer(int sw, Outcome outcome, ResultCode code, String meaning) {
    }

    private static final Answer OK = new Answer(Sw.OK, Outcome.DONE, null, "done");

    private final String name;
    private final ResultCode otherwise;
    private final Map<Integer, Answer> answers = new HashMap<>();

    CardCommand(String name, ResultCode otherwise, Answer... answers) {
        this.name = name;
        this.otherwise = otherwise;
        for (Answer a : answers) {
            this.answers.put(a.sw(), a);
        }
    }

    /** @return what the status word means for this command ({@code 63 Cx} is one entry, {@code 63 C0}) */
    Answer answer(int sw) {
        if (sw == Sw.OK) {
            return OK;
        }
        Answer a = answers.get(Sw.isTriesLeft(sw) ? Sw.TRIES_LEFT : sw);
        return a != null ? a : new Answer(sw, Outcome.FAILED, otherwise, null);
    }

    /** @return the exception the status word means for the HIS, with the operation's code where the table has none */
    NhiException failure(int sw, ResultCode operation, String subject) {
        Answer a = answer(sw);
        ResultCode code = a.code() != null ? a.code() : operation != null ? operation : otherwise;
        String what = subject == null ? name : name + " of " + subject;
        String why = a.meaning() == null ? "" : ": " + a.meaning();
        if (Sw.isTriesLeft(sw)) {
            why += ", " + (sw & 0x0F) + " tries left";
        }
        return new NhiException(code, String.format("%s answered %04X%s", what, sw, why));
    }

    /** @return the exception the status word means for the HIS */
    NhiException failure(int sw) {
        return failure(sw, null, null);
    }

    private static Answer on(int sw, Outcome outcome, ResultCode code, String meaning) {
        return new Answer(sw, outcome, code, meaning);
    }

    private static Answer stale(int sw, String meaning) {
        return new Answer(sw, Outcome.STALE_CHANNEL, null, meaning);
    }

    private static Answer notSelected() {
        return new Answer(Sw.NOT_SELECTED, Outcome.NOT_SELECTED, ResultCode.HC_IO_ERROR, "not selected");
    }

    /** §3.6: what every PIN command answers; {@code blocked} is the code of a blocked PIN. */
    private static Answer[] pinAnswers(ResultCode blocked, Answer... more) {
        Answer[] common = {
            on(Sw.TRIES_LEFT, Outcome.FAILED, ResultCode.PIN_MISMATCH, "PIN wrong"),
            on(Sw.LOCKED, Outcome.FAILED, blocked, "PIN blocked after 3 wrong entries"),
            on(Sw.WRONG_DATA, Outcome.FAILED, ResultCode.BAD_PARAMETER, "a PIN is 4 to 6 digits"),
            on(Sw.SECURITY, Outcome.FAILED, ResultCode.SAM_NOT_AUTHENTICATED, "no authenticated session")};
        Answer[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    /** The status words of the card profile (docs/card-profile.md §3). */
    static final class Sw {
        static final int OK = 0x9000;
        static final int VERIFICATION_FAILED = 0x6300;
        /** {@code 63 Cx}: x tries left; tables name the family by {@code 63 C0}. */
        static final int TRIES_LEFT = 0x63C0;
        static final int SECURITY = 0x6982;
        static final int LOCKED = 0x6983;
        static final int NO_PIN = 0x6984;
        static final int CONDITIONS = 0x6985;
        static final int NOT_SELECTED = 0x6986;
        static final int MAC_REFUSED = 0x6988;
        static final int WRONG_DATA = 0x6A80;

        private Sw() {
        }

        static boolean isTriesLeft(int sw) {
            return (sw & 0xFFF0) == TRIES_LEFT;
        }
    }
}
