// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamStatus;

/** The component as the framework makes it: starts with nothing there, authenticates by itself when it can. */
public class CloudSamPluginTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private CloudSamPlugin plugin;
    private EmbeddedIdc idc;

    @After
    public void tearDown() {
        if (plugin != null) {
            plugin.deactivate();
        }
        if (idc != null) {
            idc.close();
        }
    }

    static NhiHome home(Path root) {
        return new NhiHome() {
            @Override public Path root() { return root; }
            @Override public Path samFolder(String port) { return root.resolve("SAM").resolve(port); }
            @Override public Path iniFolder() { return root.resolve("INI"); }
            @Override public Path logFolder() { return root.resolve("LOG"); }
            @Override public Path libFolder() { return root.resolve("LIB"); }
            @Override public Path binFolder() { return root.resolve("BIN"); }
            @Override public Path sampleFolder() { return root.resolve("sample"); }
            @Override public Path utilityFolder() { return root.resolve("UTILITY"); }
            @Override public Path vpnFolder() { return root.resolve("VPN"); }
        };
    }

    /** The configuration with its defaults but the IDC's URL. */
    private static CloudSamConfig config(String url) {
        return config(url, true);
    }

    static CloudSamConfig config(String url, boolean authenticateOnStart) {
        return new CloudSamConfig() {
            @Override public Class<? extends Annotation> annotationType() { return CloudSamConfig.class; }
            @Override public String idcUrl() { return url; }
            @Override public String caFile() { return ""; }
            @Override public long connectTimeoutMillis() { return 1_000; }
            @Override public long answerTimeoutMillis() { return 2_000; }
            @Override public long reauthenticateMinutes() { return 720; }
            @Override public boolean authenticateOnStart() { return authenticateOnStart; }
        };
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached in 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    public void startsWithNoFileAndNoIdc() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        plugin = new CloudSamPlugin(home(tmp.getRoot().toPath()), config("https://127.0.0.1:" + closedPort));
        await(() -> plugin.status() == SamStatus.ABSENT, "status 0");
        assertTrue(plugin.identity().isEmpty());
        assertEquals(ResultCode.SAM_FOLDER_INVALID,
                assertThrows(NhiException.class, () -> plugin.authenticateWithIdc(null)).result());
        assertEquals("no SAM file: a card call cannot authenticate by itself", ResultCode.SAM_NOT_AUTHENTICATED,
                assertThrows(NhiException.class, () -> plugin.callIdc("/v1/signatures", "{}")).result());
    }

    @Test
    public void authenticatesByItselfOnStartWithTheCaInIni() throws Exception {
        idc = new EmbeddedIdc(tmp.newFolder("idc").toPath());
        Path root = tmp.newFolder("NHI").toPath();
        Files.createDirectories(root.resolve("INI"));
        Files.copy(idc.caFile(), root.resolve("INI").resolve(CloudSamPlugin.DEFAULT_CA_FILE));
        idc.testSam("9999999999").writeTo(root.resolve("SAM/COMX1"));

        plugin = new CloudSamPlugin(home(root), config(idc.baseUri().toString()));
        List<SamStatus> told = new CopyOnWriteArrayList<>();
        plugin.addListener((status, detail) -> told.add(status));

        await(() -> plugin.status() == SamStatus.AUTHENTICATED, "status 2 without a call");
        await(() -> told.contains(SamStatus.AUTHENTICATED), "listeners told");
        assertEquals("9999999999", plugin.identity().orElseThrow().hospitalId());
        assertTrue(Files.readString(root.resolve("INI/machine-id")).startsWith("PC-"));
    }

    private static PlatformSettings samPort(String port) {
        return new PlatformSettings() {
            @Override public String readerType() { return READER_TYPE_PCSC; }
            @Override public String samMode() { return SAM_MODE_CLOUD; }
            @Override public String samPort() { return port; }
            @Override public boolean hpcFastAuth() { return false; }
            @Override public boolean watchOverlay() { return false; }
            @Override public boolean remoteDesktop() { return false; }
            @Override public boolean keepHisOnConsoleClose() { return false; }
            @Override public boolean openConsoleOnCall() { return false; }
            @Override public boolean demo() { return false; }
        };
    }

    @Test
    public void theConfiguredSamPortNamesTheFolder() throws Exception {
        idc = new EmbeddedIdc(tmp.newFolder("idc").toPath());
        Path root = tmp.newFolder("NHI").toPath();
        idc.testSam("7777777777").writeTo(root.resolve("SAM/COMX2"));

        plugin = new CloudSamPlugin(home(root), config(idc.baseUri().toString()));
        await(() -> plugin.status() == SamStatus.ABSENT, "nothing in COMX1");
        plugin.bindSettings(samPort("COMX2"));
        assertEquals(SamStatus.NOT_AUTHENTICATED, plugin.status());
        assertEquals("7777777777", plugin.identity().orElseThrow().hospitalId());
        plugin.updatedSettings(samPort("COMX1"));
        assertEquals(SamStatus.ABSENT, plugin.status());
    }
}
