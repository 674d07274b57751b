// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.platform.PlatformEvent;

/**
 * The notices of 取號 (就醫次數提醒, 重大傷病到期) for the pages: those of the HC now in its reader, shown until
 * the card leaves, and the recent ones for the admin page. Fed by NOTICE platform events, whose detail is the
 * kind, then ": " and the official wording (never a name, id or card number).
 */
final class NoticeBoard {
    private static final int RECENT = 20;
    private final List<Map<String, Object>> current = new ArrayList<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();

    /** @return the notice as the pages and /events show it */
    synchronized Map<String, Object> add(PlatformEvent event) {
        String detail = event.detail();
        int colon = detail.indexOf(": ");
        String head = colon < 0 ? detail : detail.substring(0, colon);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("kind", head.split(" ", 2)[0]);
        n.put("red", event.code() == 1);
        n.put("message", colon < 0 ? detail : detail.substring(colon + 2));
        n.put("time", event.time().toString());
        current.add(n);
        recent.addFirst(n);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        return n;
    }

    /** The HC left or another came in: its notices are done. */
    synchronized void cardChanged() {
        current.clear();
    }

    synchronized List<Map<String, Object>> current() {
        return List.copyOf(current);
    }

    synchronized List<Map<String, Object>> recent() {
        return List.copyOf(recent);
    }
}
