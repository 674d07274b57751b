// SPDX-License-Identifier: Apache-2.0
package org.opennhi.watch.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import com.google.gson.JsonParser;

/**
 * The desktop window's data: the local API's {@code /events} stream read with the client token, exactly as any
 * other client reads it, so the window and the web page can never disagree. Reconnects while running.
 */
final class EventFeed implements AutoCloseable {
    private final URI events;
    private final Path tokenFile;
    private final Consumer<Lights> sink;
    private final Thread thread;
    private volatile boolean running = true;

    EventFeed(URI events, Path tokenFile, Consumer<Lights> sink) {
        this.events = events;
        this.tokenFile = tokenFile;
        this.sink = sink;
        this.thread = new Thread(this::loop, "opennhi-watch-window-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        while (running) {
            try {
                String token = Files.readString(tokenFile).strip();
                HttpResponse<java.io.InputStream> res = http.send(HttpRequest.newBuilder(events)
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                    String event = "";
                    for (String line; running && (line = in.readLine()) != null;) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ") && "status".equals(event)) {
                            sink.accept(Lights.from(JsonParser.parseString(line.substring(6)).getAsJsonObject()));
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the platform is starting or the token was rotated: try again shortly
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
