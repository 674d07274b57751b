// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.io.IOException;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;

import com.google.gson.JsonObject;

/**
 * Calls on the IDC's Bearer routes in a SAM session. When the IDC has ended the session (401/4050, its clock
 * decides), the SAM authenticates again once and the call is repeated (idc-protocol §15); no answer becomes
 * 4061 (or 9003 when the request may have arrived), the IDC out of service 9004. Any other refusal is left to
 * the caller, who knows what it means for its operation.
 */
public final class SessionCalls {

    /** Where the session comes from. */
    public interface Sessions {
        /**
         * @return the current session
         * @throws NhiException 4050 when the SAM is not authenticated
         */
        IdcSession current() throws NhiException;

        /**
         * Authenticates the SAM again.
         *
         * @return the new session
         * @throws NhiException what authentication failed with
         */
        IdcSession renew() throws NhiException;
    }

    private SessionCalls() {
    }

    /**
     * @param idc the connection
     * @param sessions the SAM's session
     * @param path the route
     * @param body the request object
     * @return the answer object
     * @throws IdcRefusal a refusal other than an ended session or an IDC out of service
     * @throws NhiException 4050, 4061, 9003, 9004, or what re-authentication failed with
     */
    public static JsonObject post(IdcConnection idc, Sessions sessions, String path, JsonObject body)
            throws IdcRefusal, NhiException {
        IdcSession session = sessions.current();
        for (boolean retried = false;; retried = true) {
            try {
                return idc.post(path, body, session.token());
            } catch (IdcRefusal e) {
                if (e.sessionEnded() && !retried) {
                    session = sessions.renew();
                    continue;
                }
                if (e.sessionEnded()) {
                    throw new NhiException(ResultCode.SAM_NOT_AUTHENTICATED, e.getMessage(), e);
                }
                if (e.status() >= 500 || e.code() == ResultCode.IDC_UNAVAILABLE.code()) {
                    throw new NhiException(ResultCode.IDC_UNAVAILABLE, e.getMessage(), e);
                }
                throw e;
            } catch (IdcConnection.IdcTimeout e) {
                throw new NhiException(ResultCode.IDC_TIMEOUT, "no answer from the IDC in time: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new NhiException(ResultCode.NETWORK_DOWN, "no answer from the IDC: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NhiException(ResultCode.NETWORK_DOWN, "interrupted while waiting for the IDC", e);
            }
        }
    }

    /**
     * {@link org.opennhi.contracts.sam.SamService#callIdc}: JSON text in and out; a refusal becomes an
     * {@link NhiException} with the IDC's own code when the catalogue has it, else 9004.
     *
     * @throws NhiException {@code 9005}-class {@code BAD_PARAMETER} when {@code jsonBody} is not a JSON object,
     *         else as {@link #post}
     */
    public static String forward(IdcConnection idc, Sessions sessions, String route, String jsonBody)
            throws NhiException {
        JsonObject body;
        try {
            body = com.google.gson.JsonParser.parseString(jsonBody).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the IDC request is not a JSON object", e);
        }
        if (route == null || !route.startsWith("/v1/")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "not an IDC route: " + route);
        }
        try {
            return post(idc, sessions, route, body).toString();
        } catch (IdcRefusal e) {
            throw new NhiException(ResultCode.of(e.code()).orElse(ResultCode.IDC_UNAVAILABLE), e.getMessage(), e);
        }
    }
}
