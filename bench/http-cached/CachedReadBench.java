import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of a repeated hisGetBasicData over the running platform's real HTTP stack (Jetty, the gateway's token
 * and Host checks, the api-v5 servlet, JSON) for the card already read, next to csGetVersionEx (the same stack and
 * facade, no card) and GET /status (the gateway's status page). Cases take turns in blocks of calls, round after
 * round, so that all see the same machine. One kept-alive HTTP/1.1 connection per client, one caller, as a HIS
 * has, paced under the gateway's default rate limit (200 requests/s). Three clients: a minimal one on a plain socket (what the server
 * costs), HttpURLConnection (what clients/java-client uses) and java.net.http.HttpClient.
 */
public class CachedReadBench {
    private static final long PACE_MS = 6; // under 170 requests/s
    private static final Pattern BUFFER = Pattern.compile("\"bufferBase64\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");

    interface Client {
        String call(String method, String path) throws Exception;
    }

    record Case(String name, Client client, String method, String path, long[] ns) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Client raw = new RawClient(port, token);
        Client url = new UrlConnectionClient(port, token);
        Client jdk = new JdkClient(port, token);

        // the first call reads the card (cold); every later one must come from the engine's cache
        String first = raw.call("POST", "/v5/hisGetBasicData");
        byte[] buffer = Base64.getDecoder().decode(match(BUFFER, first));
        if (!"0".equals(match(CODE, first)) || buffer.length != 72) {
            throw new IllegalStateException("hisGetBasicData did not answer code 0 with 72 bytes: " + first);
        }
        int n = rounds * perRound;
        List<Case> cases = new ArrayList<>();
        for (Client c : List.of(raw, url, jdk)) {
            String who = c == raw ? "socket client" : c == url ? "HttpURLConnection" : "java.net.http.HttpClient";
            cases.add(new Case("POST /v5/hisGetBasicData, cached card (" + who + ")", c, "POST",
                    "/v5/hisGetBasicData", new long[n]));
            cases.add(new Case("POST /v5/csGetVersionEx, no card (" + who + ")", c, "POST", "/v5/csGetVersionEx",
                    new long[n]));
            cases.add(new Case("GET /status (" + who + ")", c, "GET", "/status", new long[n]));
        }
        for (int i = 0; i < 300; i++) { // warm-up: JIT on both sides
            for (Case c : cases) {
                c.client().call(c.method(), c.path());
            }
            Thread.sleep(PACE_MS * cases.size());
        }
        // rounds of blocks: each case makes perRound calls in a row (a HIS repeating one read), cases take turns
        for (int r = 0; r < rounds; r++) {
            for (Case c : cases) {
                for (int i = 0; i < perRound; i++) {
                    long s = System.nanoTime();
                    String body = c.client().call(c.method(), c.path());
                    c.ns()[r * perRound + i] = System.nanoTime() - s;
                    if (c.path().endsWith("hisGetBasicData") && !first.equals(body)) {
                        throw new IllegalStateException("the cached answer changed: " + body);
                    }
                    Thread.sleep(PACE_MS);
                }
            }
        }
        System.out.printf("calls per case: %d (%d rounds of %d in a row, cases taking turns)%n", n, rounds, perRound);
        System.out.println("| request (client) | p50 | p90 | p99 |");
        System.out.println("|---|---|---|---|");
        for (Case c : cases) {
            long[] s = c.ns().clone();
            Arrays.sort(s);
            System.out.printf("| %s | %d µs | %d µs | %d µs |%n", c.name(), s[s.length / 2] / 1000,
                    s[(int) (s.length * 0.9)] / 1000, s[(int) (s.length * 0.99)] / 1000);
        }
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    /** HTTP/1.1 on one kept-alive socket, Content-Length bodies only (what the platform sends). */
    static final class RawClient implements Client {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private final String token;

        RawClient(int port, String token) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            host = "127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws IOException {
            String body = "POST".equals(method) ? "{}" : "";
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\n" + ("POST".equals(method) ? "Content-Type: application/json\r\n" : "")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int status = -1;
            int length = -1;
            while (true) { // status line and headers
                line.reset();
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new IOException("connection closed");
                    }
                    if (b != '\r') {
                        line.write(b);
                    }
                }
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.isEmpty()) {
                    break;
                }
                if (status < 0) {
                    status = Integer.parseInt(l.split(" ")[1]);
                } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(l.substring(15).trim());
                }
            }
            byte[] content = in.readNBytes(length);
            String text = new String(content, StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": " + text);
            }
            return text;
        }
    }

    /** The JDK's HttpURLConnection (kept alive), as clients/java-client uses it. */
    static final class UrlConnectionClient implements Client {
        private final String base;
        private final String token;

        UrlConnectionClient(int port, String token) {
            this.base = "http://127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws Exception {
            java.net.HttpURLConnection con = (java.net.HttpURLConnection) URI.create(base + path).toURL()
                    .openConnection();
            con.setRequestMethod(method);
            con.setRequestProperty("Authorization", "Bearer " + token);
            if ("POST".equals(method)) {
                con.setDoOutput(true);
                con.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = con.getOutputStream()) {
                    out.write("{}".getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = con.getResponseCode();
            String body;
            try (InputStream in = status < 400 ? con.getInputStream() : con.getErrorStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    /** The JDK's java.net.http client, as a newer Java HIS might use it. */
    static final class JdkClient implements Client {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        JdkClient(int port, String token) {
            this.base = "http://127.0.0.1:" + port;
            this.token = token;
        }

        @Override
        public String call(String method, String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Bearer " + token);
            HttpRequest request = "POST".equals(method)
                    ? b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build()
                    : b.GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        }
    }
}
