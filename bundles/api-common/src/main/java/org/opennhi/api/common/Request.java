// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.util.Arrays;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.PinSource;

/** The JSON body of one call; PINs are handed out once, as char arrays, and never logged. */
public final class Request {
    private final JsonObject body;
    private volatile String missingPin;

    public Request(JsonObject body) {
        this.body = body;
    }

    public String text(String name) throws Endpoint.BadRequest {
        JsonElement e = body.get(name);
        if (e == null || e.isJsonNull()) {
            throw new Endpoint.BadRequest("missing parameter " + name);
        }
        if (!e.isJsonPrimitive()) {
            throw new Endpoint.BadRequest(name + " must be a string");
        }
        return e.getAsString();
    }

    public String textOr(String name, String fallback) throws Endpoint.BadRequest {
        return body.has(name) && !body.get(name).isJsonNull() ? text(name) : fallback;
    }

    public int integer(String name) throws Endpoint.BadRequest {
        JsonElement e = body.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new Endpoint.BadRequest(name + " must be a number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new Endpoint.BadRequest(name + " must be an integer");
        }
        return (int) d;
    }

    /** @return the caller's buffer length: {@code iBufferLen} when given, else the full answer's size */
    public int bufferLength(int full) throws Endpoint.BadRequest {
        return bufferLength("iBufferLen", full);
    }

    /** @return the caller's length of one of several buffers ({@code name}) when given, else {@code full} */
    public int bufferLength(String name, int full) throws Endpoint.BadRequest {
        if (!body.has(name)) {
            return full;
        }
        int n = integer(name);
        if (n < 0 || n > 65535) {
            throw new Endpoint.BadRequest(name + " is 0 to 65535");
        }
        return n;
    }

    /**
     * The PINs of the body: {@code pin} (HC or HPC PIN), {@code newPin}, {@code puk}; absent → 5109. A new PIN is
     * entered twice in the manual (1.28, 4.3, 4.4): {@code newPinAgain}, when sent, must equal {@code newPin}
     * (5107 otherwise, before the card is touched).
     */
    public PinSource pins() {
        return purpose -> {
            String field = switch (purpose) {
                case HC_PIN, HPC_PIN -> "pin";
                case HC_NEW_PIN, HPC_NEW_PIN -> "newPin";
                case HPC_PUK -> "puk";
            };
            JsonElement e = body.get(field);
            if (e == null || !e.isJsonPrimitive()) {
                missingPin = field;
                throw new NhiException(ResultCode.PIN_ENTRY_CANCELLED, "no " + field + " in the request");
            }
            if (field.equals("newPin")) {
                JsonElement again = body.get("newPinAgain");
                if (again != null && (!again.isJsonPrimitive() || !again.getAsString().equals(e.getAsString()))) {
                    throw new NhiException(ResultCode.NEW_PIN_ENTRIES_DIFFER, "newPin and newPinAgain differ");
                }
            }
            return e.getAsString().toCharArray();
        };
    }

    /**
     * @return the PIN field ({@code pin}, {@code newPin}, {@code puk}) the call asked for and the body did not
     *         hold, if it did: the native libraries then ask that PIN of the person and send the call again
     */
    public String missingPin() {
        return missingPin;
    }

    /** Drops the PINs from the body once the call is done. */
    public void wipe() {
        for (String f : Arrays.asList("pin", "newPin", "newPinAgain", "puk")) {
            body.remove(f);
        }
    }
}
