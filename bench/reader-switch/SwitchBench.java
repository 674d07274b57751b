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
 * Arguments: port home [switches=40]
 */
public class SwitchBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]);
        int switches = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        String token = Files.readString(home.resolve("INI/api-token")).strip();
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
        System.exit(0);
    }
}
