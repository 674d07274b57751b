// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.opennhi.contracts.result.ResultCode;

import com.google.gson.JsonObject;

/** The JSON shape of every error answer, shared by the servlet layer and Jetty-level handlers. */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static JsonObject error(int status, ResultCode code, String detail) {
        JsonObject o = new JsonObject();
        o.addProperty("status", status);
        o.addProperty("code", code.code());
        o.addProperty("name", code.name());
        o.addProperty("message", code.chinese());
        o.addProperty("messageEn", code.english());
        if (detail != null) {
            o.addProperty("detail", detail);
        }
        return o;
    }

    public static ByteBuffer utf8(JsonObject o) {
        return ByteBuffer.wrap(o.toString().getBytes(StandardCharsets.UTF_8));
    }
}
