// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

/**
 * What a browser session may do, fixed by the page its login was for (issue 16, item 8). A watch link is handed to
 * a reception screen, so it only reads: the watch page, the status and the live lights. An admin session (an admin
 * link, or the client token pasted into the login form) runs the console and the settings. Neither calls the HIS
 * functions: {@code /v5} and {@code /v3} need the client token itself, as does making login links.
 */
enum SessionRole {
    WATCH, ADMIN;

    /** @return the role a login for this page gets; unknown pages get the smaller one */
    static SessionRole forPage(String page) {
        return "/admin/".equals(page) ? ADMIN : WATCH;
    }

    /** @return whether a session of this role may send this method to this path */
    boolean allows(String method, String path) {
        if (isTokenOnly(path)) {
            return false;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if ("/ui/logout".equals(path) || (read && "/ui/session".equals(path))) {
            return true;
        }
        if (this == ADMIN) {
            return true;
        }
        return read && (path.equals("/status") || path.equals("/events") || path.equals("/watch")
                || path.startsWith("/watch/"));
    }

    /** The HIS API and login-link making: never with a cookie, whatever the role. */
    static boolean isTokenOnly(String path) {
        return path.equals("/v5") || path.startsWith("/v5/") || path.equals("/v3") || path.startsWith("/v3/")
                || path.equals("/ui/link");
    }
}
