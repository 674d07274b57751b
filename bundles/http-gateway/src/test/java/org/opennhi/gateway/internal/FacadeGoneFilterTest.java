// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A request caught by its facade servlet's unregistration gets the documented 503/9005, not Jetty's HTML 500. */
public class FacadeGoneFilterTest {

    @Test
    public void unregisteredServletBecomes503With9005() throws Exception {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (p, m, a) -> "getRequestURI".equals(m.getName()) ? "/v5/hisGetBasicData" : null);
        Map<String, Object> seen = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> switch (m.getName()) {
                    case "isCommitted" -> false;
                    case "getOutputStream" -> out;
                    case "setStatus" -> seen.put("status", a[0]);
                    case "setHeader" -> seen.put((String) a[0], a[1]);
                    default -> null;
                });
        new FacadeGoneFilter().doFilter(req, res, (rq, rs) -> {
            throw new ServletException("Servlet has been unregistered");
        });
        assertEquals(503, seen.get("status"));
        assertEquals("1", seen.get("Retry-After"));
        String json = body.toString(StandardCharsets.UTF_8);
        assertTrue(json, json.contains("\"code\":9005") && json.contains("\"facade\":\"v5\""));
    }
}
