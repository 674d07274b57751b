// SPDX-License-Identifier: Apache-2.0
package org.opennhi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reader-type switch time as a client sees it: from sending PUT /settings/platform {"readerType":...} to the
 * reader service's own event that it now serves that type, on the /events stream. No file is polled anywhere.
 * Starts the distribution (no demo, no CDS archive) on a new home and stops it. Arguments: [switches=40]
 */
public final class SwitchBench {
    private SwitchBench() {
    }

    public static void main(String[] args) throws Exception {
        int switches = args.length > 0 ? Integer.parseInt(args[0]) : Machine.smoke() ? 4 : 40;
        Machine.header("reader-switch");
        Path work = Files.createTempDirectory("nhi-bench-switch-");
        try (Platform platform = Platform.start(work.resolve("home"), false, "", false, java.util.Map.of())) {
            platform.awaitStatus200(60_000);
            run(platform.port, platform.token(), switches);
        } finally {
            Platform.delete(work);
        }
        Machine.footer("reader-switch");
        System.exit(0); // the HTTP client's stream reader
    }

    private static void run(int port, String token, int switches) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<String> readerEvents = new LinkedBlockingQueue<>();
        HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Authorization", "Bearer " + token).build();
        http.sendAsync(events, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
            if (line.startsWith("data: ") && line.contains("\"type\":\"STATUS_CHANGED\"")) {
                readerEvents.add(line);
            }
        }));
        Thread.sleep(500);
        double[] ms = new double[switches];
        String[] types = {"nhi-com", "pcsc"};
        for (int i = 0; i < switches; i++) {
            String type = types[i % 2];
            readerEvents.clear();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/settings/platform")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"readerType\":\"" + type + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("switch refused: " + r.body());
            }
            while (true) {
                String e = readerEvents.poll(10, TimeUnit.SECONDS);
                if (e == null) {
                    throw new IllegalStateException("no reader-service event for the switch to " + type);
                }
                if (e.contains("\"reader\":\"" + type + "\"")) {
                    break;
                }
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("reader-type switch over HTTP until the reader service serves the new type: median %.1f ms,"
                + " p90 %.1f ms, max %.1f ms (%d switches)%n", ms[switches / 2], ms[(int) (switches * 0.9)],
                ms[switches - 1], switches);
    }
}
