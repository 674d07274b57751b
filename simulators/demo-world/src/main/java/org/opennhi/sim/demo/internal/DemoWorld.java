// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.sim.idc.IdcEndpoint;
import org.opennhi.sim.readersim.SimReader;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Sets up the simulated NHI world when the platform runs with {@code --demo}: the virtual cards, the readers
 * holding the fixture HC and HPC, the embedded IDC with its per-install CA, a test cloud SAM provisioned through
 * the IDC's own issuance lifecycle, and the cloud SAM plugin pointed at that IDC. Everything lives under
 * {@code <home>/demo} and {@code <home>/SAM}. The work runs on its own thread and reports each step on the
 * console, so the platform's start is not held up. Outside demo mode it does nothing.
 */
@Component(immediate = true, configurationPid = DemoConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoConfig.class)
public final class DemoWorld {
    static final String CARDS_PID = "org.opennhi.sim.cards";
    static final String IDC_PID = "org.opennhi.sim.idc";
    static final String VPCD_PID = "org.opennhi.sim.vpcd";
    static final String SIM_READER_PID = "opennhi.reader.sim";
    static final String SAM_CLOUD_PID = "opennhi.sam.cloud";
    static final String READERS_PID = "opennhi.readers";
    static final String VPCD_HC_READER = "Virtual PCD 00 00";
    static final String VPCD_HPC_READER = "Virtual PCD 00 01";
    private static final int STEPS = 5;
    /** Written into the home's demo folder once the simulated world is set up. */
    static final String READY_FILE = "ready";

    private final BundleContext context;
    private final ConfigurationAdmin cm;
    private final NhiHome home;
    private final PlatformSettings settings;
    private final DemoConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opennhi-demo-setup");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DemoWorld(BundleContext context, @Reference ConfigurationAdmin cm, @Reference NhiHome home,
            @Reference PlatformSettings settings, DemoConfig config) {
        this.context = context;
        this.cm = cm;
        this.home = home;
        this.settings = settings;
        this.config = config;
        if (!settings.demo()) {
            say("the simulator bundles are installed, but the platform is not in demo mode: nothing started");
            return;
        }
        worker.execute(this::setUp);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private void setUp() {
        try {
            Path demo = home.root().resolve("demo");
            // the native libraries' start-on-call waits for this file: the world is set up (docs/native.md)
            Files.deleteIfExists(demo.resolve(READY_FILE));
            step(1, "virtual cards in " + demo.resolve("cards"));
            String kit = testKit();
            // the kit's HC is the one demo mode inserts (NHI's test edition read whatever card was in)
            // the card is named only with a kit: no configuration file of the home holds a card number otherwise
            if (kit.isBlank()) {
                update(CARDS_PID, Map.of("dir", demo.resolve("cards").toString(), "testKit", ""));
                drop(CARDS_PID, "testKitCard");
            } else {
                update(CARDS_PID, Map.of("dir", demo.resolve("cards").toString(), "testKit", kit, "testKitCard",
                        config.hc().isBlank() ? "900000000001" : config.hc()));
            }
            if (!kit.isBlank()) {
                say("  test edition: the HC holds NHI's test kit in " + kit + " (docs/test-edition.md)");
            }

            step(2, "readers");
            String readers = chooseReaders();
            if ("vpcd".equals(readers)) {
                update(VPCD_PID, Map.of("hc", config.hc(), "hpc", config.hpc(), "port", vpcdPort()));
                updateIfBlank(READERS_PID, Map.of("hcReaderName", VPCD_HC_READER, "hpcReaderName", VPCD_HPC_READER));
                useReaderType(PlatformSettings.READER_TYPE_PCSC);
                say("  HC " + config.hc() + " in '" + VPCD_HC_READER + "', HPC " + config.hpc() + " in '"
                        + VPCD_HPC_READER + "' (the system pcscd with vsmartcard's vpcd driver)");
            } else {
                update(SIM_READER_PID, Map.of("hc", config.hc(), "hpc", config.hpc()));
                useReaderType(SimReader.TYPE);
                say("  HC " + config.hc() + " and HPC " + config.hpc() + " in the in-JVM simulated reader"
                        + " (no pcscd with the vpcd driver found)");
            }

            step(3, "IDC simulator (data in " + demo.resolve("idc") + ")");
            update(IDC_PID, Map.of("dataDir", demo.resolve("idc").toString(), "host", "127.0.0.1", "port", 0));
            IdcEndpoint idc = await(IdcEndpoint.class, Duration.ofSeconds(60));
            say("  listening at " + idc.baseUri() + " (portal: " + idc.baseUri() + ")");

            step(4, "test cloud SAM of " + config.hospitalId() + " through the IDC's issuance lifecycle");
            Path samFolder = home.samFolder(settings.samPort());
            String adminToken = Files.readString(idc.caFile().getParent().getParent().resolve("admin.token")).strip();
            Path file = new SamProvisioner(idc.baseUri(), idc.clientTlsContext(), adminToken).provision(
                    config.hospitalId(), samFolder, Files.readAllBytes(idc.caFile()), progress("  "));
            update(SAM_CLOUD_PID, Map.of("idcUrl", idc.baseUri().toString(), "caFile", idc.caFile().toString()));

            step(5, "SAM authentication with the IDC (csVerifySAMDC)");
            SamStatus status = awaitSam(Duration.ofSeconds(config.samWaitSeconds()));
            say("  SAM " + file.getFileName() + ": status " + status.legacyValue() + " " + status.name());
            Files.createDirectories(demo);
            Files.writeString(demo.resolve(READY_FILE), "ready\n");
            say("ready.");
            banner();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            say("setting up the simulated world failed: " + e);
        }
    }

    /** Where to look now: one-click login links (single use, 10 minutes) and the first API call to try. */
    private void banner() {
        String port = context.getProperty("org.osgi.service.http.port");
        if (port == null) {
            return;
        }
        String base = "http://127.0.0.1:" + port;
        try {
            String token = Files.readString(home.iniFolder().resolve("api-token")).strip();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            for (String page : new String[] {"watch", "admin"}) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/ui/link"))
                        .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"page\":\"" + page + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(res.body());
                if (res.statusCode() == 200 && url.find()) {
                    say(String.format("  %-14s %s", "watch".equals(page) ? "watch overlay:" : "admin console:",
                            url.group(1)));
                }
            }
        } catch (IOException e) {
            say("  (no login links: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the token reaches curl as a header file (bash's printf is a builtin), never in argv where ps shows it
        say("  basic data of the inserted HC: curl -sS -X POST -H @<(printf 'Authorization: Bearer %s\\n' \"$(cat "
                + home.iniFolder().resolve("api-token") + ")\") -H 'Content-Type: application/json' -d '{}' "
                + base + "/v5/hisGetBasicData");
    }

    /** auto: the vpcd readers when the machine's pcscd lists both, else the in-JVM reader. */
    private String chooseReaders() {
        String wanted = config.readers();
        if (!"auto".equals(wanted)) {
            return wanted;
        }
        ExecutorService probe = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> found = probe.submit(() -> {
                List<CardTerminal> list = TerminalFactory.getInstance("PC/SC", null).terminals().list();
                boolean hc = list.stream().anyMatch(t -> t.getName().startsWith(VPCD_HC_READER));
                boolean hpc = list.stream().anyMatch(t -> t.getName().startsWith(VPCD_HPC_READER));
                return hc && hpc;
            });
            return found.get(5, TimeUnit.SECONDS) ? "vpcd" : "sim";
        } catch (Exception | LinkageError noPcsc) {
            return "sim";
        } finally {
            probe.shutdownNow();
        }
    }

    /** A private pcscd (tests) listens for vpcd elsewhere than the system one: the framework property says where. */
    private int vpcdPort() {
        String p = context.getProperty("opennhi.demo.vpcd.port");
        return p == null || p.isBlank() ? config.vpcdPort() : Integer.parseInt(p.strip());
    }

    /** NHI's test edition: the framework property (nhi-cs --test-kit) wins over the configuration. */
    private String testKit() {
        String p = context.getProperty("opennhi.demo.testkit");
        String kit = p == null || p.isBlank() ? config.testKit() : p;
        return kit.isBlank() ? "" : Path.of(kit.strip()).toAbsolutePath().normalize().toString();
    }

    /** Demo mode decides between its own two reader types; a dedicated reader chosen by the user stays. */
    private void useReaderType(String type) throws IOException {
        String now = settings.readerType();
        if (Objects.equals(now, type)) {
            return;
        }
        if (PlatformSettings.READER_TYPE_PCSC.equals(now) || SimReader.TYPE.equals(now)) {
            update(PlatformSettings.PID, Map.of("readerType", type));
        } else {
            say("  reader type stays '" + now + "' as configured; switch with: nhi-cs ctl reader-type " + type);
        }
    }

    private SamStatus awaitSam(Duration max) throws InterruptedException {
        ServiceTracker<SamService, SamService> tracker = new ServiceTracker<>(context, SamService.class, null);
        tracker.open();
        try {
            SamService sam = tracker.waitForService(max.toMillis());
            if (sam == null) {
                say("  no SAM service is running");
                return SamStatus.ABSENT;
            }
            long end = System.nanoTime() + max.toNanos();
            SamStatus last = null;
            boolean asked = false;
            while (System.nanoTime() < end) {
                SamStatus s = sam.status();
                if (s != last) {
                    say("  SAM status " + s.legacyValue() + " " + s.name());
                    last = s;
                }
                if (s == SamStatus.AUTHENTICATED) {
                    return s;
                }
                // the plugin authenticates by itself on a configuration change; ask once if it is slow to
                if (!asked && System.nanoTime() > end - max.toNanos() / 2) {
                    asked = true;
                    try {
                        sam.authenticateWithIdc(progress("  "));
                    } catch (NhiException e) {
                        say("  csVerifySAMDC: " + e.result().code() + " " + e.getMessage());
                    }
                }
                Thread.sleep(200);
            }
            return sam.status();
        } finally {
            tracker.close();
        }
    }

    private <T> T await(Class<T> type, Duration max) throws InterruptedException, IOException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(max.toMillis());
            if (service == null) {
                throw new IOException(type.getSimpleName() + " did not start within " + max.toSeconds() + " s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Writes a configuration when any value differs, so a restart does not disturb running components. */
    private void drop(String pid, String key) throws IOException {
        Configuration c = cm.getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties();
        if (props != null && props.get(key) != null) {
            props.remove(key);
            c.update(props);
        }
    }

    private void update(String pid, Map<String, Object> values) throws IOException {
        Configuration c = cm.getConfiguration(pid, "?");
        Dictionary<String, Object> props = c.getProperties();
        boolean same = props != null;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            same = same && Objects.equals(String.valueOf(props.get(e.getKey())), String.valueOf(e.getValue()));
        }
        if (same) {
            return;
        }
        Dictionary<String, Object> next = props == null ? new Hashtable<>() : props;
        values.forEach(next::put);
        c.update(next);
    }

    private void updateIfBlank(String pid, Map<String, Object> values) throws IOException {
        Dictionary<String, Object> props = cm.getConfiguration(pid, "?").getProperties();
        for (String key : values.keySet()) {
            Object v = props == null ? null : props.get(key);
            if (v != null && !v.toString().isBlank()) {
                return;
            }
        }
        update(pid, values);
    }

    private static Progress progress(String indent) {
        return (done, total, step) -> say(indent + (total > 0 ? "[" + done + "/" + total + "] " : "") + step);
    }

    private static void step(int n, String what) {
        say("[" + n + "/" + STEPS + "] " + what);
    }

    /** The demo talks to the person at the terminal that started it; logs stay at WARN. */
    static void say(String line) {
        System.out.println("demo: " + line);
    }
}
