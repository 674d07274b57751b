// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What the desktop window draws, taken from a {@code /status} snapshot (the same the web page reads).
 *
 * @param sam the SAM's status (0/1/2/9)
 * @param samLabel the SAM's status in words
 * @param hc the HC light (0/1/2/3/9)
 * @param hcLabel the HC light in words
 * @param hpc the HPC light
 * @param hpcLabel the HPC light in words
 * @param lastError the last error, or empty
 * @param notice the newest 取號 notice of the HC in its reader (就醫次數提醒, 重大傷病到期), or empty
 * @param noticeRed whether that notice is shown in red (90 visits or more)
 */
record Lights(int sam, String samLabel, int hc, String hcLabel, int hpc, String hpcLabel, String lastError,
        String notice, boolean noticeRed) {

    Lights(int sam, String samLabel, int hc, String hcLabel, int hpc, String hpcLabel, String lastError) {
        this(sam, samLabel, hc, hcLabel, hpc, hpcLabel, lastError, "", false);
    }

    /** Before the first status arrives. */
    static final Lights UNKNOWN = new Lights(0, "connecting…", 0, "no card", 0, "no card", "");

    static Lights from(JsonObject status) {
        JsonObject sam = status.getAsJsonObject("sam");
        JsonObject slots = status.getAsJsonObject("slots");
        JsonElement err = status.get("lastError");
        String error = err == null || err.isJsonNull() ? "" : err.getAsJsonObject().get("message").getAsString();
        int samStatus = sam.get("status").getAsInt();
        String notice = "";
        boolean red = false;
        JsonElement notices = status.get("notices");
        if (notices != null && notices.isJsonArray() && notices.getAsJsonArray().size() > 0) {
            JsonObject newest = notices.getAsJsonArray().get(notices.getAsJsonArray().size() - 1).getAsJsonObject();
            notice = newest.get("message").getAsString();
            red = newest.get("red").getAsBoolean();
        }
        return new Lights(samStatus, samLabel(samStatus), value(slots, "HC"), label(slots, "HC"), value(slots, "HPC"),
                label(slots, "HPC"), error, notice, red);
    }

    private static int value(JsonObject slots, String slot) {
        JsonElement v = slots.getAsJsonObject(slot).get("cardStatus");
        return v == null || v.isJsonNull() ? 0 : v.getAsInt();
    }

    private static String label(JsonObject slots, String slot) {
        JsonElement v = slots.getAsJsonObject(slot).get("lightLabel");
        return v == null || v.isJsonNull() ? "no card" : v.getAsString();
    }

    static String samLabel(int status) {
        return switch (status) {
            case 0 -> "no SAM file";
            case 1 -> "not authenticated";
            case 2 -> "authenticated with the IDC";
            default -> "not a usable SAM";
        };
    }
}
