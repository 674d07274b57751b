// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: navigate, evaluate
 * JavaScript, click, take screenshots. A test that needs it fails (never skips) when it is not installed:
 * {@code ./nhi test} installs it.
 */
final class Chromium implements AutoCloseable {
    static final String BINARY = "/usr/bin/chromium";
    private static final Gson GSON = new Gson();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static Chromium start(Path work) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new AssertionError(BINARY + " is missing: install Debian's chromium (./nhi test does)");
        }
        Path profile = Files.createTempDirectory(work, "chromium-");
        Process p = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--remote-debugging-port=0", "--window-size=1000,560",
                "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Await.until("Chromium writes its DevTools port", () -> Files.exists(portFile) && lines(portFile).size() >= 2);
        int port = Integer.parseInt(lines(portFile).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String ws = null;
        for (JsonElement t : JsonParser.parseString(targets).getAsJsonArray()) {
            if ("page".equals(t.getAsJsonObject().get("type").getAsString())) {
                ws = t.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
                break;
            }
        }
        if (ws == null) {
            throw new AssertionError("Chromium offers no page target: " + targets);
        }
        Chromium[] self = new Chromium[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    JsonObject msg = JsonParser.parseString(partial.toString()).getAsJsonObject();
                    partial.setLength(0);
                    if (msg.has("id") && self[0] != null) {
                        CompletableFuture<JsonObject> f = self[0].pending.remove(msg.get("id").getAsInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).get(20, TimeUnit.SECONDS);
        self[0] = new Chromium(p, profile, socket);
        return self[0];
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    JsonObject call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(GSON.toJson(Map.of("id", id, "method", method, "params", params)), true).get(10, TimeUnit.SECONDS);
        JsonObject msg = answer.get(30, TimeUnit.SECONDS);
        if (msg.has("error")) {
            throw new AssertionError(method + " failed: " + msg.get("error"));
        }
        return msg.getAsJsonObject("result");
    }

    void navigate(String url) throws Exception {
        call("Page.enable", Map.of());
        call("Page.navigate", Map.of("url", url));
    }

    /** @return the value of a JavaScript expression, as a string ("" for null/undefined) */
    String eval(String expression) throws Exception {
        JsonObject r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true)).getAsJsonObject("result");
        JsonElement v = r.get("value");
        return v == null || v.isJsonNull() ? "" : v.isJsonPrimitive() ? v.getAsString() : v.toString();
    }

    /** Waits until the expression is "true" in the page. */
    void waitFor(String what, String expression, Duration max) throws Exception {
        BooleanSupplier check = () -> {
            try {
                return "true".equals(eval(expression));
            } catch (Exception e) {
                return false;
            }
        };
        Await.until(what, max.toMillis(), check);
    }

    /** Clicks the element's centre with real mouse events. */
    void click(String selector) throws Exception {
        String box = eval("(() => { const e = document.querySelector(" + GSON.toJson(selector) + ");"
                + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return JSON.stringify([r.x + r.width / 2, r.y + r.height / 2]); })()");
        JsonArray xy = JsonParser.parseString(box).getAsJsonArray();
        for (String type : new String[] {"mousePressed", "mouseReleased"}) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", xy.get(0).getAsDouble(), "y",
                    xy.get(1).getAsDouble(), "button", "left", "clickCount", 1));
        }
    }

    void screenshot(Path file) throws Exception {
        // the whole page, not only the viewport
        JsonObject size = call("Page.getLayoutMetrics", Map.of()).getAsJsonObject("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width").getAsDouble(),
                "height", size.get("height").getAsDouble(), "scale", 1);
        String data = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip)).get("data").getAsString();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
