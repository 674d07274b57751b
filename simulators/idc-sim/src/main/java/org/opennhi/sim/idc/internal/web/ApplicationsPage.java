// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.web;

import java.nio.charset.StandardCharsets;

import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.http.Reply;
import org.opennhi.sim.idc.internal.http.Router;
import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.Application;
import org.opennhi.sim.idc.internal.model.ApplicationState;

/**
 * A small read-only web page listing the cloud-SAM applications and their states, like the portal's
 * 雲端安全模組申請、下載 page. Actions go through the JSON routes or the CLI.
 */
public final class ApplicationsPage {
    private final Lifecycle lifecycle;
    private final Times times;

    /**
     * @param lifecycle the applications
     * @param times the simulated clock, shown on the page
     */
    public ApplicationsPage(Lifecycle lifecycle, Times times) {
        this.lifecycle = lifecycle;
        this.times = times;
    }

    /** Adds {@code GET /}. */
    public void register(Router router) {
        router.add("GET", "/", c -> new Reply("text/html; charset=utf-8",
                render(c.query("hospitalId")).getBytes(StandardCharsets.UTF_8), null));
    }

    String render(String hospitalId) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\"><title>雲端安全模組申請、下載 — simulated IDC</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #999;padding:4px 8px}th{background:#e8eef6}")
                .append(".REJECTED,.REVOKED{color:#a00}.DOWNLOADABLE{color:#070;font-weight:bold}</style></head><body>")
                .append("<h1>雲端安全模組申請、下載</h1><p>Simulated NHI IDC — clock ").append(esc(times.iso()))
                .append(". Files are produced on the full hour.</p><table><tr><th>申請單號</th><th>單位代碼</th>")
                .append("<th>單位名稱</th><th>申請日期</th><th>申請單狀態</th><th>審核日期</th><th>雲端安全模組編號</th>")
                .append("<th></th></tr>");
        for (Application a : lifecycle.list(hospitalId)) {
            h.append("<tr><td>").append(esc(a.applicationNo)).append("</td><td>").append(esc(a.hospitalId))
                    .append("</td><td>").append(esc(a.hospitalName)).append("</td><td>").append(esc(a.appliedAt))
                    .append("</td><td class=\"").append(a.state.name()).append("\">").append(esc(a.stateLabel))
                    .append("</td><td>").append(esc(a.reviewedAt)).append("</td><td>").append(esc(a.samId))
                    .append("</td><td>");
            if (a.state == ApplicationState.DOWNLOADABLE) {
                h.append("<a href=\"/portal/applications/").append(esc(a.applicationNo)).append("/download\">下載</a>");
            }
            h.append("</td></tr>");
        }
        return h.append("</table><p>JSON: <a href=\"/portal/applications\">/portal/applications</a></p></body></html>")
                .toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
