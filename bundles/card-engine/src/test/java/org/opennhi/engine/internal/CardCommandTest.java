// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.internal.CardCommand.Outcome;

/** The status-word tables against docs/card-profile.md §3, entry by entry. */
public class CardCommandTest {
    /** The operation's own code, which writes fail with. */
    private static final ResultCode OPERATION = ResultCode.CARD_UPDATE_FAILED;

    /** Command, status word, what the engine does, the code the HIS gets (null: not a failure). */
    private static final Object[][] TABLE = {
        {CardCommand.READ, 0x9000, Outcome.DONE, null},
        {CardCommand.READ, 0x6982, Outcome.NEEDS_SECURITY, ResultCode.INSUFFICIENT_CARD_PERMISSION},
        {CardCommand.READ, 0x6983, Outcome.FAILED, ResultCode.INSUFFICIENT_CARD_PERMISSION},
        {CardCommand.READ, 0x6986, Outcome.NOT_SELECTED, ResultCode.HC_IO_ERROR},
        {CardCommand.READ, 0x6A88, Outcome.FAILED, ResultCode.HC_IO_ERROR},
        {CardCommand.WRITE, 0x6982, Outcome.STALE_CHANNEL, OPERATION},
        {CardCommand.WRITE, 0x6988, Outcome.STALE_CHANNEL, OPERATION},
        {CardCommand.WRITE, 0x6986, Outcome.STALE_CHANNEL, OPERATION},
        {CardCommand.WRITE, 0x6983, Outcome.FAILED, OPERATION},
        {CardCommand.WRITE, 0x6A83, Outcome.FAILED, OPERATION},
        {CardCommand.BEGIN_WRITE_SET, 0x6982, Outcome.STALE_CHANNEL, OPERATION},
        {CardCommand.COMMIT_WRITE_SET, 0x6985, Outcome.FAILED, OPERATION},
        {CardCommand.COMMIT_WRITE_SET, 0x6A80, Outcome.FAILED, OPERATION},
        {CardCommand.VERIFY_HC_PIN, 0x63C2, Outcome.FAILED, ResultCode.PIN_MISMATCH},
        {CardCommand.VERIFY_HC_PIN, 0x63C0, Outcome.FAILED, ResultCode.PIN_MISMATCH},
        {CardCommand.VERIFY_HC_PIN, 0x6983, Outcome.FAILED, ResultCode.PIN_MISMATCH},
        {CardCommand.VERIFY_HC_PIN, 0x6984, Outcome.NO_PIN, null},
        {CardCommand.VERIFY_HC_PIN, 0x6A80, Outcome.FAILED, ResultCode.BAD_PARAMETER},
        {CardCommand.VERIFY_HC_PIN, 0x6982, Outcome.FAILED, ResultCode.SAM_NOT_AUTHENTICATED},
        {CardCommand.ENABLE_HC_PIN, 0x6985, Outcome.FAILED, ResultCode.PIN_CHANGE_FAILED},
        {CardCommand.CHANGE_HC_PIN, 0x6986, Outcome.NOT_SELECTED, ResultCode.HC_IO_ERROR},
        {CardCommand.DISABLE_HC_PIN, 0x6982, Outcome.FAILED, ResultCode.OLD_PIN_NOT_VERIFIED},
        {CardCommand.DISABLE_HC_PIN, 0x6984, Outcome.FAILED, ResultCode.PIN_DISABLE_FAILED},
        {CardCommand.CHANGE_HPC_PIN, 0x6983, Outcome.FAILED, ResultCode.HPC_STILL_LOCKED},
        {CardCommand.CHANGE_HPC_PIN, 0x63C1, Outcome.FAILED, ResultCode.PIN_MISMATCH},
        {CardCommand.UNBLOCK_HPC_PIN, 0x6300, Outcome.FAILED, ResultCode.HPC_STILL_LOCKED},
        {CardCommand.UNBLOCK_HPC_PIN, 0x6A80, Outcome.FAILED, ResultCode.BAD_PARAMETER},
        {CardCommand.SELECT_HC, 0x6A82, Outcome.FAILED, ResultCode.NOT_AN_HC},
        {CardCommand.SELECT_HPC, 0x6A82, Outcome.FAILED, ResultCode.NOT_AN_HPC},
        {CardCommand.READ_HPC_IDENTITY, 0x6A88, Outcome.FAILED, ResultCode.HPC_ID_READ_FAILED},
    };

    @Test
    public void everyStatusWordMeansWhatTheProfileSays() {
        for (Object[] row : TABLE) {
            CardCommand command = (CardCommand) row[0];
            int sw = (Integer) row[1];
            String what = String.format("%s %04X", command, sw);
            assertEquals(what, row[2], command.answer(sw).outcome());
            if (row[3] != null) {
                assertEquals(what, row[3], command.failure(sw, OPERATION, null).result());
            }
        }
    }

    @Test
    public void theMessageNamesCommandSubjectAndTriesLeft() {
        String pin = CardCommand.VERIFY_HC_PIN.failure(0x63C2).getMessage();
        assertTrue(pin, pin.endsWith(": HC VERIFY answered 63C2: PIN wrong, 2 tries left"));
        String read = CardCommand.READ.failure(0x6A88, null, "area 07").getMessage();
        assertTrue(read, read.endsWith(": GET DATA of area 07 answered 6A88"));
    }
}
