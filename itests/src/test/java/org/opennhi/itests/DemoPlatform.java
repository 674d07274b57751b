// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The built distribution started as a person starts it, {@code bin/nhi-cs --demo}, on a new home and a free
 * port, as a separate process; the tests talk to it over loopback HTTP as the launcher's {@code ctl} does.
 */
final class DemoPlatform implements AutoCloseable {
    static final Path DIST = Path.of(System.getProperty("opennhi.itest.dist", "../distribution/target/nhi-cs"));

    final Path home;
    final int port;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private DemoPlatform(Path home, int port, Path log, Process process) {
        this.home = home;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * @param environment extra environment (e.g. a private pcscd's socket)
     * @param javaOptions extra JVM options (NHI_JAVA_OPTS)
     */
    static DemoPlatform start(Path work, Map<String, String> environment, String javaOptions) throws Exception {
        return start(work, environment, javaOptions, home -> {
        });
    }

    /** @return a demo platform on a new home in the itests' work folder, with no extra environment or options */
    static DemoPlatform start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        return start(work, Map.of(), "");
    }

    /** Stops a platform a test class started, if it started (for @AfterClass). */
    static void stop(DemoPlatform platform) throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    /** What a test writes into the new home before the platform starts (e.g. a file under INI/config). */
    interface HomeSetup {
        void prepare(Path home) throws IOException;
    }

    static DemoPlatform start(Path work, Map<String, String> environment, String javaOptions, HomeSetup setup)
            throws Exception {
        Path home = Files.createTempDirectory(work, "demo-home-");
        setup.prepare(home);
        return launch(home, PlatformOptions.freePort(), home.resolve("nhi-cs.out"), environment, javaOptions);
    }

    /**
     * Starts the distribution again on this platform's home and port, as a person restarts it after {@link #close()}
     * (the home keeps its settings, cards and token); its output goes to a new log in the home.
     */
    DemoPlatform restart(Map<String, String> environment, String javaOptions) throws Exception {
        return launch(home, port, Files.createTempFile(home, "nhi-cs-restart-", ".out"), environment, javaOptions);
    }

    private static DemoPlatform launch(Path home, int port, Path log, Map<String, String> environment,
            String javaOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/nhi-cs").toString(), "--demo", "--home",
                home.toString(), "--port", Integer.toString(port)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("NHI_CDS", "off");
        pb.environment().put("NHI_JAVA_OPTS", javaOptions);
        pb.environment().putAll(environment);
        DemoPlatform platform = new DemoPlatform(home, port, log, pb.start());
        try {
            Await.until("the demo says ready (" + log + ")", 120_000, () -> platform.output().contains("demo: ready."));
        } catch (AssertionError | InterruptedException e) {
            platform.close(); // a platform that never got ready must not outlive the test either
            throw e;
        }
        return platform;
    }

    /**
     * The platform JVMs running on a home, whoever started them (this class, or a native library starting the
     * platform on a call): {@code bin/nhi-cs} execs java with {@code -Dopennhi.home=<home>}.
     */
    static List<ProcessHandle> processesOf(Path home) {
        String arg = "-Dopennhi.home=" + home.toAbsolutePath();
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(a -> List.of(a).contains(arg)).orElse(false)).toList();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    String token() throws IOException {
        return Files.readString(home.resolve("INI/api-token")).strip();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A request with the client token. */
    HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject json(String method, String path, String json) throws Exception {
        HttpResponse<String> res = api(method, path, json);
        if (res.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
        }
        return JsonParser.parseString(res.body()).getAsJsonObject();
    }

    /** @return a single-use login link for a web page */
    String loginLink(String page) throws Exception {
        return json("POST", "/ui/link", "{\"page\":\"" + page + "\"}").get("url").getAsString();
    }

    /** Runs {@code bin/nhi-cs ctl …} against this platform. @return exit code and output */
    Map.Entry<Integer, String> ctl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/nhi-cs").toString(), "--home", home.toString(),
                "--port", Integer.toString(port), "ctl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ctl " + String.join(" ", args) + " did not finish");
        }
        return Map.entry(p.exitValue(), out);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Stops the platform (SIGTERM, as a person's Ctrl-C or systemd does); the home stays as it is. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
