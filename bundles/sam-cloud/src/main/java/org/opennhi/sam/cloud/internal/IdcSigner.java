package org.opennhi.sam.cloud.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Base64;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SignatureType;

import com.google.gson.JsonObject;

/**
 * Signatures (安全簽章) by the cloud SAM's keys, which only the IDC holds (idc-protocol §6): one
 * {@code POST /v1/signatures} in the SAM session.
 */
final class IdcSigner {

    /** The IDC no longer knows the session (401/4050): authenticate again, then retry once. */
    static final class SessionEnded extends Exception {
        private static final long serialVersionUID = 1L;

        SessionEnded() {
            super("the IDC ended the SAM session");
        }
    }

    private IdcSigner() {
    }

    /**
     * @return exactly {@code type.length()} bytes
     * @throws SessionEnded when the IDC answers 401/4050
     * @throws NhiException 4061 no connection, 9003 no answer in time, 9004 IDC out of service, 5008 otherwise
     */
    static byte[] sign(IdcClient idc, IdcSession session, SignatureType type, byte[] data)
            throws NhiException, SessionEnded {
        JsonObject body = new JsonObject();
        body.addProperty("type", type.name());
        body.addProperty("data", Base64.getEncoder().encodeToString(data));
        try {
            JsonObject answer = idc.post("/v1/signatures", body, session.token());
            byte[] signature = Base64.getDecoder().decode(answer.get("signature").getAsString());
            if (signature.length != type.length()) {
                throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "the IDC's " + type + " signature has "
                        + signature.length + " bytes, not " + type.length());
            }
            return signature;
        } catch (IdcClient.IdcRefusal e) {
            if (e.status() == 401 && e.code() == ResultCode.SAM_NOT_AUTHENTICATED.code()) {
                throw new SessionEnded();
            }
            throw new NhiException(e.code() == ResultCode.IDC_UNAVAILABLE.code() ? ResultCode.IDC_UNAVAILABLE
                    : ResultCode.SAM_SIGNATURE_FAILED, e.getMessage(), e);
        } catch (IOException e) {
            ResultCode code = e.getCause() instanceof HttpTimeoutException ? ResultCode.IDC_TIMEOUT
                    : ResultCode.NETWORK_DOWN;
            throw new NhiException(code, "no answer from the IDC: " + e.getMessage(), e);
        } catch (RuntimeException e) { // a malformed answer: no signature field, bad base64
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "the IDC's signature answer is malformed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "interrupted while signing", e);
        }
    }
}
