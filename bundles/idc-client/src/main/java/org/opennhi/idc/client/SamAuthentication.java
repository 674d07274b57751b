// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.opennhi.card.crypto.AuthenticationException;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

import com.google.gson.JsonObject;

/**
 * SAM ↔ IDC authentication (csVerifySAMDC, idc-protocol §4): the SAM (file or card) plays the card's part and
 * the IDC the host's; success gives a session. Failures map as §15 says: no answer → 4061, the file bound to
 * another machine id → 9202, a refusal → 4051, the IDC out of service → 9004, an IDC that does not prove it
 * holds the SAM's key → 9015.
 */
public final class SamAuthentication {
    /** Steps reported through {@link Progress}. */
    public static final int STEPS = 3;

    private final IdcConnection idc;
    private final String machineId;

    /**
     * @param idc the connection to the IDC
     * @param machineId this PC's machine id ({@link MachineId})
     */
    public SamAuthentication(IdcConnection idc, String machineId) {
        this.idc = Objects.requireNonNull(idc, "idc");
        this.machineId = Objects.requireNonNull(machineId, "machineId");
    }

    /**
     * @param sam the SAM's side, fresh for this attempt
     * @param progress told of each step
     * @return the new session
     * @throws NhiException the code the HIS sees for the failure
     */
    public IdcSession authenticate(SamSide sam, Progress progress) throws NhiException {
        JsonObject begin = new JsonObject();
        begin.addProperty("samId", sam.samId());
        begin.addProperty("hospitalId", sam.hospitalId());
        begin.addProperty("machineId", machineId);
        begin.addProperty("rndCard", sam.challenge());
        try {
            progress.update(0, STEPS, "Contacting the IDC");
            JsonObject host = idc.post("/v1/sam/auth/begin", begin, null);
            progress.update(1, STEPS, "Checking the IDC's proof");
            JsonObject complete = new JsonObject();
            complete.addProperty("authId", Json.string(host, "authId"));
            complete.addProperty("cardCryptogram", sam.answer(Json.string(host, "hostData")));
            progress.update(2, STEPS, "Answering the IDC");
            JsonObject session = idc.post("/v1/sam/auth/complete", complete, null);
            IdcSession s = new IdcSession(Json.string(session, "sessionToken"),
                    Instant.parse(Json.string(session, "expiresAt")));
            progress.update(STEPS, STEPS, "Authenticated with the IDC");
            return s;
        } catch (IOException e) {
            throw new NhiException(ResultCode.NETWORK_DOWN, "no answer from the IDC: " + e.getMessage(), e);
        } catch (IdcRefusal e) {
            throw new NhiException(refusal(e), e.getMessage(), e);
        } catch (AuthenticationException | IllegalArgumentException e) {
            throw new NhiException(ResultCode.SAM_IDC_COUNTER_AUTH_FAILED,
                    "the IDC did not prove it holds this SAM's key", e);
        } catch (DateTimeParseException | IllegalStateException | ClassCastException e) {
            throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "the IDC's answer is malformed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "interrupted while authenticating", e);
        }
    }

    private static ResultCode refusal(IdcRefusal e) {
        if (e.code() == ResultCode.SAM_FILE_BOUND_ELSEWHERE.code()) {
            return ResultCode.SAM_FILE_BOUND_ELSEWHERE;
        }
        if (e.status() >= 500) {
            return ResultCode.IDC_UNAVAILABLE;
        }
        return ResultCode.SAM_IDC_AUTH_FAILED;
    }
}
