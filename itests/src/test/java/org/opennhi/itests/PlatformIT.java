// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.ReaderMapping;
import org.opennhi.contracts.reader.ReaderService;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.cm.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Boots the distribution's real bundle set in Felix and checks the foundation from the outside, over real
 * loopback HTTP: everything starts, /status answers, the gateway refuses what it must, and configuration
 * changes (ConfigAdmin and the legacy csdll.ini) apply live.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {
    private static final long WAIT_MS = Await.DEFAULT_MS;

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private MetaTypeService metaType;
    @Inject
    private PlatformSettings settings;
    @Inject
    private ReaderMapping readerMapping;
    @Inject
    private NhiHome home;
    @Inject
    private ReaderService readers;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        return PlatformOptions.platform().toArray(new Option[0]);
    }

    // --- the bundle set ---------------------------------------------------------------------------

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        Set<String> names = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            names.add(b.getSymbolicName());
        }
        assertTrue(names.containsAll(Set.of("org.opennhi.contracts", "org.opennhi.platform.config",
                "org.opennhi.gateway", "org.apache.felix.http.jetty12")));
    }

    @Test
    public void metatypeDescribesEverySetting() {
        Set<String> pids = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info != null) {
                pids.addAll(Arrays.asList(info.getPids()));
            }
        }
        assertTrue("PIDs with metatype: " + pids, pids.containsAll(Set.of(PlatformSettings.PID, ReaderMapping.PID,
                "opennhi.home", "opennhi.legacy", "opennhi.gateway")));
    }

    @Test
    public void homeFolderIsLaidOutOnFirstStart() {
        for (String folder : new String[] {"SAM/COMX1", "LIB", "BIN", "LOG", "INI", "sample", "UTILITY", "VPN"}) {
            assertTrue(folder, Files.isDirectory(home.root().resolve(folder)));
        }
    }

    // --- /status and the gateway's checks -------------------------------------------------------------

    @Test
    public void statusAnswersWithTheToken() throws Exception {
        Path tokenFile = home.iniFolder().resolve("api-token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        RawHttp.Response r = RawHttp.send(port(), "GET", "/status", authorised());
        assertEquals(r.body(), 200, r.status());
        assertTrue(r.header("content-type").startsWith("application/json"));
        JsonObject status = JsonParser.parseString(r.body()).getAsJsonObject();
        assertEquals("Open NHI card control platform", status.getAsJsonObject("platform").get("name").getAsString());
        assertTrue(status.getAsJsonObject("platform").get("demo").getAsBoolean());
        assertTrue(status.getAsJsonObject("platform").get("uptimeSeconds").getAsDouble() > 0);
        assertNotNull(status.getAsJsonArray("facades"));
        assertEquals(settings.readerType(), status.getAsJsonObject("reader").get("type").getAsString());
        assertEquals(settings.samMode(), status.getAsJsonObject("sam").get("mode").getAsString());
        for (String slot : new String[] {"HC", "HPC", "SAM"}) {
            assertNotNull(slot, status.getAsJsonObject("slots").getAsJsonObject(slot).get("status"));
        }
    }

    @Test
    public void refusesAMissingOrWrongToken() throws Exception {
        RawHttp.Response none = RawHttp.send(port(), "GET", "/status", RawHttp.headers("Host", host()));
        assertEquals(401, none.status());
        assertTrue(none.header("www-authenticate").startsWith("Bearer"));
        RawHttp.Response wrong = RawHttp.send(port(), "GET", "/status",
                RawHttp.headers("Host", host(), "Authorization", "Bearer " + "x".repeat(43)));
        assertEquals(401, wrong.status());
        assertEquals(401, RawHttp.send(port(), "GET", "/events", RawHttp.headers("Host", host())).status());
    }

    @Test
    public void refusesAForeignHostOrOriginEvenWithTheToken() throws Exception {
        Map<String, String> evilHost = authorised();
        evilHost.put("Host", "evil.example");
        RawHttp.Response host = RawHttp.send(port(), "GET", "/status", evilHost);
        assertEquals(403, host.status());
        assertTrue(host.body().contains("host_not_allowed"));

        Map<String, String> evilOrigin = authorised();
        evilOrigin.put("Origin", "http://evil.example");
        RawHttp.Response origin = RawHttp.send(port(), "GET", "/status", evilOrigin);
        assertEquals(403, origin.status());
        assertNull("never a CORS grant for a foreign origin", origin.header("access-control-allow-origin"));

        Map<String, String> ownOrigin = authorised();
        ownOrigin.put("Origin", "http://127.0.0.1:" + port());
        RawHttp.Response own = RawHttp.send(port(), "GET", "/status", ownOrigin);
        assertEquals(200, own.status());
        assertEquals("http://127.0.0.1:" + port(), own.header("access-control-allow-origin"));
    }

    @Test
    public void answersCorsPreflightOnlyForAllowedOrigins() throws Exception {
        RawHttp.Response ok = RawHttp.send(port(), "OPTIONS", "/status", RawHttp.headers("Host", host(),
                "Origin", "http://localhost:" + port(), "Access-Control-Request-Method", "GET"));
        assertEquals(204, ok.status());
        assertEquals("http://localhost:" + port(), ok.header("access-control-allow-origin"));
        assertTrue(ok.header("access-control-allow-headers").contains("Authorization"));
        RawHttp.Response evil = RawHttp.send(port(), "OPTIONS", "/status", RawHttp.headers("Host", host(),
                "Origin", "http://evil.example", "Access-Control-Request-Method", "GET"));
        assertEquals(403, evil.status());
    }

    // --- live configuration -------------------------------------------------------------------------

    @Test
    public void aSettingChangedInConfigAdminIsAppliedLiveAndPushed() throws Exception {
        try (EventStream events = new EventStream(port(), "/events", authorised())) {
            assertEquals(200, events.status);
            events.next(e -> e.name().equals("status"), WAIT_MS);
            Configs.update(configAdmin, PlatformSettings.PID, "readerType", PlatformSettings.READER_TYPE_NHI_COM);
            EventStream.Event pushed = events.next(e -> e.name().equals("status")
                    && e.data().contains("\"readerType\":\"nhi-com\""), WAIT_MS);
            assertTrue(pushed.data().contains("\"type\":\"nhi-com\""));
            assertEquals(PlatformSettings.READER_TYPE_NHI_COM, settings.readerType());
            RawHttp.Response r = RawHttp.send(port(), "GET", "/status", authorised());
            assertEquals("nhi-com", JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("reader")
                    .get("type").getAsString());
        } finally {
            Configs.update(configAdmin, PlatformSettings.PID, "readerType", PlatformSettings.READER_TYPE_PCSC);
        }
    }

    @Test
    public void theGatewayAllowListIsAppliedLive() throws Exception {
        Map<String, String> fromHis = authorised();
        fromHis.put("Origin", "http://his.example");
        assertEquals(403, RawHttp.send(port(), "GET", "/status", fromHis).status());
        Configuration gateway = configAdmin.getConfiguration("opennhi.gateway", "?");
        try {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("allowedOrigins", new String[] {"http://his.example"});
            gateway.update(props);
            Await.until("the new origin is accepted", () -> statusOf(fromHis) == 200);
            RawHttp.Response r = RawHttp.send(port(), "GET", "/status", fromHis);
            assertEquals("http://his.example", r.header("access-control-allow-origin"));
        } finally {
            gateway.delete();
        }
        Await.until("the default allow-list is back", () -> statusOf(fromHis) == 403);
    }

    @Test
    public void aLegacyCsdllIniIsImportedLiveWithAReport() throws Exception {
        assertTrue(!settings.hpcFastAuth());
        String csdll = String.join("\r\n", "[CS]", "COM=COMX1", "HPCFASTAUTH=ENABLE", "CSWATCH=ENABLE",
                "CSREMOTE=DISABLE", "CLSCSFSIM=ENABLE", "CSFSIM=DISABLE", "VENDOR_TWEAK=1", "this is no setting",
                "");
        Files.write(home.iniFolder().resolve("csdll.ini"), csdll.getBytes(StandardCharsets.US_ASCII));
        Files.writeString(home.iniFolder().resolve("ReaderCFG0.ini"),
                "HPC_ReaderName=Virtual PCD 00 01\r\nHC_ReaderName=Virtual PCD 00 00\r\n");
        Await.until("HPCFASTAUTH=ENABLE is applied", () -> settings.hpcFastAuth() && settings.watchOverlay());
        Await.until("the reader mapping is applied", () -> "Virtual PCD 00 00".equals(readerMapping.hcReaderName())
                && "Virtual PCD 00 01".equals(readerMapping.hpcReaderName()));
        assertTrue(!settings.openConsoleOnCall());
        Path report = home.logFolder().resolve("legacy-ini-import.log");
        Await.until("the report names the malformed line", () -> read(report).contains("line 9"));
        String text = read(report);
        assertTrue(text, text.contains("'this is no setting'"));
        assertTrue(text, text.contains("unknown  [CS] VENDOR_TWEAK=1 (kept, not used)"));
        Dictionary<String, Object> stored = configAdmin.getConfiguration(PlatformSettings.PID, "?").getProperties();
        assertTrue(Arrays.asList((String[]) stored.get("legacy.unknown")).contains("[CS] VENDOR_TWEAK=1"));
    }

    // --- switching and plugins ------------------------------------------------------------------------

    @Test
    public void theReaderTypeSwitchesLiveOverHttpAndGogo() throws Exception {
        try {
            Map<String, String> json = authorised();
            json.put("Content-Type", "application/json");
            RawHttp.Response put = RawHttp.send(port(), "PUT", "/settings/platform", json, "{\"readerType\":\"nhi-com\"}");
            assertEquals(put.body(), 200, put.status());
            Await.until("the reader service follows the HTTP switch", () -> "nhi-com".equals(readers.readerType()));

            RawHttp.Response bad = RawHttp.send(port(), "PUT", "/settings/platform", json, "{\"samMode\":\"magic\"}");
            assertEquals(400, bad.status());
            assertTrue(bad.body(), bad.body().contains("one of cloud, physical"));
            assertEquals(400, RawHttp.send(port(), "PUT", "/settings/platform", json, "{\"nope\":true}").status());
            assertEquals(400, RawHttp.send(port(), "PUT", "/settings/platform", json, "{not json").status());
            assertEquals(404, RawHttp.send(port(), "GET", "/settings/gateway", authorised()).status());

            CommandProcessor gogo = context.getService(context.getServiceReference(CommandProcessor.class));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream print = new java.io.PrintStream(out, true);
            try (CommandSession session = gogo.createSession(new java.io.ByteArrayInputStream(new byte[0]), print,
                    print)) {
                Object said = session.execute("opennhi:readertype pcsc");
                assertTrue(String.valueOf(said), String.valueOf(said).contains("Reader type set to pcsc"));
            }
            Await.until("the reader service follows the Gogo switch", () -> "pcsc".equals(readers.readerType()));
        } finally {
            Configs.update(configAdmin, PlatformSettings.PID, "readerType", PlatformSettings.READER_TYPE_PCSC);
        }
    }

    @Test
    public void aPluginThatCannotLoadIsReportedAndHarmsNoOtherPlugin() throws Exception {
        Path jar = Files.createTempFile("broken-plugin", ".jar");
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().putValue("Manifest-Version", "1.0");
        mf.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        mf.getMainAttributes().putValue("Bundle-SymbolicName", "com.vendor.broken.reader");
        mf.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        mf.getMainAttributes().putValue("Opennhi-Plugin", "reader");
        mf.getMainAttributes().putValue("Import-Package", "com.vendor.missing.driver");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), mf)) {
            out.flush();
        }
        Bundle broken = context.installBundle(jar.toUri().toString());
        try {
            try {
                broken.start();
            } catch (org.osgi.framework.BundleException expected) {
                // it cannot resolve: that is the point
            }
            Await.until("the broken plugin is listed", () -> statusBody().contains("com.vendor.broken.reader"));
            JsonObject status = JsonParser.parseString(statusBody()).getAsJsonObject();
            JsonObject brokenEntry = null;
            JsonObject pcsc = null;
            for (com.google.gson.JsonElement e : status.getAsJsonArray("plugins")) {
                JsonObject p = e.getAsJsonObject();
                if (p.get("name").getAsString().equals("com.vendor.broken.reader")) {
                    brokenEntry = p;
                } else if (p.get("name").getAsString().equals("org.opennhi.reader.pcsc")) {
                    pcsc = p;
                }
            }
            assertNotNull(brokenEntry);
            assertEquals("INSTALLED", brokenEntry.get("state").getAsString());
            assertTrue(brokenEntry.toString(), brokenEntry.get("problem").getAsString().contains("com.vendor.missing.driver"));
            assertNotNull("our own plugin is listed too", pcsc);
            assertEquals("ACTIVE", pcsc.get("state").getAsString());
            assertTrue(pcsc.get("problem").isJsonNull());
            assertEquals(Bundle.ACTIVE, bundle("org.opennhi.reader.service").getState());
        } finally {
            broken.uninstall();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------

    private String statusBody() {
        try {
            return RawHttp.send(port(), "GET", "/status", authorised()).body();
        } catch (IOException e) {
            return "";
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private int statusOf(Map<String, String> headers) {
        try {
            return RawHttp.send(port(), "GET", "/status", headers).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private Map<String, String> authorised() throws IOException {
        String token = Files.readString(home.iniFolder().resolve("api-token")).strip();
        return RawHttp.headers("Host", host(), "Authorization", "Bearer " + token);
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }

    private String host() {
        return "127.0.0.1:" + port();
    }
}
