// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The floor of the HTTP benches: bare Jetty 12 with one servlet (the platform's Jetty generation, ee10 servlets)
 * that reads the request body and answers each path with the platform's own answer to it, recorded beforehand —
 * same bytes, no OSGi whiteboard, no gateway checks, no facade, no JSON building. The bench starts it as a separate
 * JVM with the platform's JVM options, so both run under the same JIT and GC. Arguments: folder of answers, where
 * {@code <name>.json} answers every path ending in {@code /<name>} ({@code status.json} answers {@code /status}).
 * Prints {@code floor: port N} when it listens; ends when its stdin closes.
 */
public final class FloorServer {
    private FloorServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> answers = new HashMap<>();
        try (var files = Files.list(Path.of(args[0]))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                answers.put("/" + name.substring(0, name.length() - ".json".length()), Files.readAllBytes(f));
            }
        }
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                req.getInputStream().readAllBytes();
                String path = req.getRequestURI();
                byte[] body = answers.get(path.substring(path.lastIndexOf('/')));
                if (body == null) {
                    res.sendError(404);
                    return;
                }
                res.setStatus(200);
                res.setContentType("application/json");
                res.setCharacterEncoding("UTF-8");
                res.setContentLength(body.length);
                res.getOutputStream().write(body);
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        System.out.println("floor: port " + connector.getLocalPort());
        System.out.flush();
        System.in.readAllBytes(); // the bench closes our stdin (or ends) to stop us
        server.stop();
        System.exit(0);
    }
}
