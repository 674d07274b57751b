// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.opennhi.engine.CriticalIllnessExpiry;
import org.opennhi.engine.Visit;

/**
 * The notices of a 取號 (docs/card-engine.md): the visit-count reminder and critical illnesses ending soon. A
 * facade passes each visit through {@link #of}; {@link FacadeHttp} adds them to the HTTP answer as
 * {@code notices}. They never change the return code or the buffer, as in NHI's DLL, whose notices are windows.
 * Kept per calling thread, for the one call that thread is answering.
 */
public final class Notices {
    private static final ThreadLocal<List<JsonObject>> CURRENT = new ThreadLocal<>();

    private Notices() {
    }

    /**
     * @param visit the visit a facade just took
     * @return the same visit
     */
    public static Visit of(Visit visit) {
        List<JsonObject> notices = CURRENT.get();
        if (notices == null) {
            return visit; // a Java caller: the notices are in the Visit itself
        }
        visit.reminder().ifPresent(r -> {
            JsonObject o = new JsonObject();
            o.addProperty("kind", "visitReminder");
            o.addProperty("visitsThisYear", r.visitsThisYear());
            o.addProperty("age", r.age());
            o.addProperty("red", r.red());
            o.addProperty("message", r.message());
            notices.add(o);
        });
        for (CriticalIllnessExpiry e : visit.expiringIllnesses()) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", "criticalIllnessExpiry");
            o.addProperty("code", e.code());
            o.addProperty("endDate", e.endDate());
            o.addProperty("daysLeft", e.daysLeft());
            o.addProperty("message", e.message());
            notices.add(o);
        }
        return visit;
    }

    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** @return the notices collected since {@link #begin}, and stops collecting */
    static JsonArray end() {
        List<JsonObject> notices = CURRENT.get();
        CURRENT.remove();
        JsonArray out = new JsonArray();
        if (notices != null) {
            notices.forEach(out::add);
        }
        return out;
    }
}
