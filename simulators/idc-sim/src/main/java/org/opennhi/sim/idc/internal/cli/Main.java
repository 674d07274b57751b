// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opennhi.sim.idc.IdcOptions;
import org.opennhi.sim.idc.IdcSimulator;
import org.opennhi.idc.client.IdcTrust;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code java -jar idc-sim.jar [serve] [--data DIR] [--host H] [--port N]} runs the IDC simulator;
 * the other commands talk to a running one (found through {@code <data>/server.url}):
 * <pre>
 *   list [HOSPITAL_ID]            applications and their states
 *   contract HOSPITAL_ID NAME     a new contract (one SAM is produced on the next hour)
 *   apply HOSPITAL_ID             申請中
 *   review NO | approve NO | reject NO [REASON] | revoke NO
 *   download NO [FILE.zip]        the zip with &lt;hospital id&gt;&lt;SAM id&gt;.SAM
 *   clock MINUTES                 advance the simulated clock (runs the hourly job when an hour strikes)
 *   produce                       run the hourly job now
 *   faults '{"rules":[…]}'        set fault injection rules ('{"rules":[]}' clears)
 *   sams | audit                  SAM registry, recent requests
 * </pre>
 */
public final class Main {
    /** Commands that name an application, an institution or a value. */
    private static final List<String> NEEDS_ARGUMENT = List.of("contract", "apply", "review", "approve", "reject",
            "revoke", "download", "clock", "faults");
    private final PrintStream out;

    Main(PrintStream out) {
        this.out = out;
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        System.exit(new Main(System.out).run(args));
    }

    int run(String[] args) throws Exception {
        List<String> rest = new ArrayList<>();
        Path data = Path.of("idc-data");
        String host = "127.0.0.1";
        int port = IdcOptions.DEFAULT_PORT;
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            usage();
            return 0;
        }
        for (int i = 0; i < args.length; i++) {
            boolean option = List.of("--data", "--host", "--port").contains(args[i]);
            if (option && i + 1 == args.length) {
                out.println(args[i] + " needs a value");
                usage();
                return 2;
            }
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        if (rest.isEmpty() || "serve".equals(rest.get(0))) {
            return serve(data, host, port);
        }
        if (rest.size() == 1 && NEEDS_ARGUMENT.contains(rest.get(0))) {
            usage(); // a command without its argument asks what it takes
            return 0;
        }
        return client(data, rest);
    }

    private int serve(Path data, String host, int port) throws Exception {
        out.println("IDC simulator: opening " + data.toAbsolutePath() + " (first start creates the CA and the test SAMs)");
        IdcSimulator idc = IdcSimulator.start(IdcOptions.defaults(data).withHost(host).withPort(port));
        Files.writeString(data.resolve("server.url"), idc.baseUri() + "\n", StandardCharsets.US_ASCII);
        out.println("IDC simulator: listening on " + idc.baseUri());
        out.println("  trust the CA in " + idc.caFile() + "; admin token in " + data.resolve("admin.token"));
        out.println("  applications page: " + idc.baseUri());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            idc.close();
            stopped.countDown();
        }, "idc-shutdown"));
        stopped.await();
        return 0;
    }

    private int client(Path data, List<String> a) throws IOException {
        Path urlFile = data.resolve("server.url");
        if (!Files.exists(urlFile)) {
            out.println("no running IDC simulator found (" + urlFile + " is missing): start one with 'serve'");
            return 2;
        }
        URI base = URI.create(Files.readString(urlFile, StandardCharsets.US_ASCII).trim());
        IdcHttp http = new IdcHttp(base,
                IdcTrust.context(Files.readString(data.resolve("tls").resolve("ca.pem"), StandardCharsets.US_ASCII)),
                Files.readString(data.resolve("admin.token"), StandardCharsets.US_ASCII).trim());
        String cmd = a.get(0);
        String arg = a.size() > 1 ? a.get(1) : null;
        IdcHttp.Answer r = switch (cmd) {
            case "list" -> http.get("/portal/applications" + (arg == null ? "" : "?hospitalId=" + arg));
            case "contract" -> http.post("/admin/institutions", obj("hospitalId", arg, "name",
                    a.size() > 2 ? a.get(2) : arg), null);
            case "apply" -> http.post("/portal/applications", obj("hospitalId", arg), null);
            case "review", "approve" -> http.post("/admin/applications/" + arg + "/" + cmd, null, null);
            case "reject" -> http.post("/admin/applications/" + arg + "/reject",
                    obj("reason", a.size() > 2 ? a.get(2) : null), null);
            case "revoke" -> http.post("/portal/applications/" + arg + "/revoke", null, null);
            case "download" -> http.get("/portal/applications/" + arg + "/download");
            case "clock" -> http.post("/admin/clock", obj("advanceMinutes", arg == null ? "0" : arg), null);
            case "produce" -> http.post("/admin/production/run", null, null);
            case "faults" -> http.put("/admin/faults", JsonParser.parseString(arg).getAsJsonObject());
            case "sams" -> http.get("/admin/sams");
            case "audit" -> http.get("/admin/audit");
            default -> null;
        };
        if (r == null) {
            usage();
            return 2;
        }
        if ("download".equals(cmd) && r.status() == 200) {
            Path file = Path.of(a.size() > 2 ? a.get(2) : arg + ".zip");
            Files.write(file, r.bytes());
            out.println("saved " + file.toAbsolutePath() + " (" + r.bytes().length + " bytes)");
            return 0;
        }
        out.println(r.json() == null ? new String(r.bytes(), StandardCharsets.UTF_8)
                : new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(r.json()));
        return r.status() == 200 ? 0 : 1;
    }

    private static JsonObject obj(String... kv) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                o.addProperty(kv[i], kv[i + 1]);
            }
        }
        return o;
    }

    private void usage() {
        out.println("""
                usage: java -jar idc-sim.jar [serve] [--data DIR] [--host 127.0.0.1] [--port 8443]
                       java -jar idc-sim.jar [--data DIR] COMMAND ...
                commands: list [HOSP] | contract HOSP NAME | apply HOSP | review NO | approve NO
                          reject NO [REASON] | revoke NO | download NO [FILE] | clock MINUTES | produce
                          faults '{"rules":[{"pathPrefix":"/v1/signatures","latencyMs":200}]}' | sams | audit""");
    }
}
