// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.reader.ReaderService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Switching API versions live: the api-v5 bundle is updated to a new build (Bundle.update from its jar, then a
 * package refresh, as ops or FileInstall do it) five times while a 3.5.x HIS loops over /v3 (csOpenCom,
 * hisGetBasicData, csCloseCom) and a 5.1.x HIS loops over /v5. The /v3 caller must see no failure at all; the
 * /v5 caller may see only the gateway's documented 503 answer with code 9005 while the bundle is away, and the
 * window in which it does is measured.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FacadeUpdateIT {
    private static final int UPDATES = 5;
    private static boolean deskStarted;

    @Inject
    private BundleContext context;
    @Inject
    private ReaderService readers;
    @Inject
    private ConfigurationAdmin configAdmin;
    @Inject
    private NhiHome home;

    @org.ops4j.pax.exam.Configuration
    public Option[] config() throws IOException {
        List<Option> options = PlatformOptions.platform("opennhi.itest.sim.card", "opennhi.itest.sim.reader",
                "opennhi.itest.sim.idc");
        // FileInstall's folder (the distribution's deploy/); the test reads it back as a framework property
        options.add(systemProperty("felix.fileinstall.dir").value(Files.createTempDirectory("deploy-").toString()));
        options.add(systemProperty("felix.fileinstall.poll").value("200"));
        options.add(systemProperty("felix.fileinstall.noInitialDelay").value("true"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void desk() throws Exception {
        if (!deskStarted) {
            // two callers in tight loops outrun the gateway's default 200 requests/s; this test is about updates
            Configs.update(configAdmin, "opennhi.gateway", "requestsPerSecond", 5000);
            Configs.update(configAdmin, "opennhi.gateway", "burst", 10000);
            DedicatedReaderDesk.start(context, configAdmin, home, readers, Files.createTempDirectory("facade-update-"));
            deskStarted = true;
        }
    }

    /**
     * The same through FileInstall's deploy folder, as ops would do it: api-v5 removed (/v5 answers 503/9005,
     * /v3 serves), its jar dropped into deploy/ (installed and started live), then a rebuilt jar over it
     * (updated live).
     */
    @Test
    public void v5RemovedThenInstalledAndUpdatedThroughTheDeployFolder() throws Exception {
        Path deploy = Path.of(context.getProperty("felix.fileinstall.dir"));
        V5Calls v5 = new V5Calls(context, home, "v5");
        V5Calls v3 = new V5Calls(context, home, "v3");
        v3.ok("csOpenCom", "{\"Comport\":0}");
        String expected = v3.ok("hisGetBasicData", "{}").get("bufferBase64").getAsString();
        Bundle old = bundle("org.opennhi.api.v5");
        Path jar = Files.createTempFile("api-v5-", ".jar");
        try (InputStream in = URI.create(old.getLocation()).toURL().openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        Object v3Servlet = v3ServletId();

        old.uninstall();
        RawHttp.Response away = v5.raw("hisGetBasicData", "{}");
        assertEquals(away.body(), 503, away.status());
        assertEquals(9005, JsonParser.parseString(away.body()).getAsJsonObject().get("code").getAsInt());
        assertEquals("/v3 serves while /v5 is gone", expected, v3.ok("hisGetBasicData", "{}").get("bufferBase64")
                .getAsString());

        long dropped = System.nanoTime();
        Files.copy(jar, deploy.resolve("org.opennhi.api.v5.jar"));
        Await.until("/v5 serves from the deploy folder", () -> servesV5(v5, expected));
        long installedMs = (System.nanoTime() - dropped) / 1_000_000;
        Bundle deployed = bundle("org.opennhi.api.v5");
        assertTrue(deployed.getLocation(), deployed.getLocation().contains(deploy.getFileName().toString()));

        long modified = deployed.getLastModified();
        long replaced = System.nanoTime();
        Path next = deploy.resolve("org.opennhi.api.v5.jar.new");
        Files.copy(jar, next);
        Files.setLastModifiedTime(next, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        Files.move(next, deploy.resolve("org.opennhi.api.v5.jar"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Await.until("FileInstall updated api-v5", () -> deployed.getLastModified() != modified);
        Await.until("/v5 serves the updated bundle", () -> servesV5(v5, expected));
        long updatedMs = (System.nanoTime() - replaced) / 1_000_000;
        assertEquals("/v3 untouched", expected, v3.ok("hisGetBasicData", "{}").get("bufferBase64").getAsString());
        assertEquals("the /v3 servlet was never re-registered", v3Servlet, v3ServletId());
        v3.ok("csCloseCom", "{}");
        System.out.println("FacadeUpdateIT: deploy folder — jar dropped to /v5 serving " + installedMs
                + " ms; jar replaced to /v5 serving the update " + updatedMs + " ms (FileInstall polls every 200 ms)");
    }

    private static boolean servesV5(V5Calls v5, String expected) {
        try {
            RawHttp.Response r = v5.raw("hisGetBasicData", "{}");
            return r.status() == 200 && r.body().contains(expected);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    public void v5IsUpdatedWhileV3ServesWithoutAFailure() throws Exception {
        V5Calls v5 = new V5Calls(context, home, "v5");
        V5Calls v3 = new V5Calls(context, home, "v3");
        // The first call comes right after the desk is up (which now waits until the SAM service serves the
        // physical SAM card). Under CI load it once answered 4012 before that wait existed: either the SAM mode had
        // not reached the SAM service yet, or the physical SAM plugin had not yet read the card the reader showed
        // (it read a card only when the insertion event arrived; now also when asked, see PhysicalSamTest).
        String expected = v5.ok("hisGetBasicData", "{}").get("bufferBase64").getAsString();
        Bundle apiV5 = bundle("org.opennhi.api.v5");
        Bundle apiV3 = bundle("org.opennhi.api.v3");
        Object v3Servlet = v3ServletId();
        Class<?> v3Shared = sharedFunctions(apiV3);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong v3Calls = new AtomicLong();
        AtomicLong v5Ok = new AtomicLong();
        AtomicLong v5Unavailable = new AtomicLong();
        List<String> v3Failures = Collections.synchronizedList(new ArrayList<>());
        List<String> v5Failures = Collections.synchronizedList(new ArrayList<>());
        // per update: first and last time (ns) the /v5 caller was told "not available"
        long[][] windows = new long[UPDATES][2];
        AtomicLong currentUpdate = new AtomicLong(-1);
        CountDownLatch bothRunning = new CountDownLatch(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        Future<?> v3Loop = callers.submit(() -> {
            bothRunning.countDown();
            while (running.get()) {
                try {
                    String step = "csOpenCom";
                    JsonObject open = v3.call("csOpenCom", "{\"Comport\":0}");
                    JsonObject read = open.get("code").getAsInt() == 0 ? v3.call(step = "hisGetBasicData", "{}") : open;
                    JsonObject close = v3.call("csCloseCom", "{}");
                    if (read.get("code").getAsInt() != 0 || close.get("code").getAsInt() != 0
                            || !expected.equals(read.get("bufferBase64").getAsString())) {
                        v3Failures.add(step + ": " + read.get("code") + " " + read.get("messageEn"));
                    }
                    v3Calls.incrementAndGet();
                } catch (Throwable e) {
                    v3Failures.add(e.toString());
                }
            }
            return null;
        });
        Future<?> v5Loop = callers.submit(() -> {
            bothRunning.countDown();
            while (running.get()) {
                try {
                    RawHttp.Response r = v5.raw("hisGetBasicData", "{}");
                    JsonObject a = JsonParser.parseString(r.body()).getAsJsonObject();
                    if (r.status() == 200 && a.get("code").getAsInt() == 0
                            && expected.equals(a.get("bufferBase64").getAsString())) {
                        v5Ok.incrementAndGet();
                    } else if (r.status() == 503 && a.get("code").getAsInt() == 9005
                            && "1".equals(r.header("Retry-After"))) {
                        v5Unavailable.incrementAndGet();
                        int u = (int) currentUpdate.get();
                        if (u >= 0) {
                            long now = System.nanoTime();
                            if (windows[u][0] == 0) {
                                windows[u][0] = now;
                            }
                            windows[u][1] = now;
                        }
                    } else {
                        v5Failures.add(r.status() + " " + r.body());
                    }
                } catch (Throwable e) {
                    v5Failures.add(e.toString());
                }
            }
            return null;
        });
        bothRunning.await();
        Await.until("both callers served", () -> v3Calls.get() > 20 && v5Ok.get() > 20);

        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        long[] updateMillis = new long[UPDATES];
        long[] backMillis = new long[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            currentUpdate.set(i);
            long v5Before = v5Ok.get();
            long start = System.nanoTime();
            try (InputStream jar = URI.create(apiV5.getLocation()).toURL().openStream()) {
                apiV5.update(jar);
            }
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring.refreshBundles(List.of(apiV5), e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                    refreshed.countDown();
                }
            });
            assertTrue("refreshed", refreshed.await(30, TimeUnit.SECONDS));
            updateMillis[i] = (System.nanoTime() - start) / 1_000_000;
            Await.until("/v5 serves again after update " + (i + 1), () -> v5Ok.get() > v5Before + 10);
            backMillis[i] = (System.nanoTime() - start) / 1_000_000;
            currentUpdate.set(-1);
            long v3Now = v3Calls.get();
            Await.until("/v3 goes on", () -> v3Calls.get() > v3Now + 10);
        }
        running.set(false);
        v3Loop.get(1, TimeUnit.MINUTES);
        v5Loop.get(1, TimeUnit.MINUTES);
        callers.shutdown();

        StringBuilder report = new StringBuilder("FacadeUpdateIT: " + UPDATES + " updates of api-v5; /v3 calls "
                + v3Calls.get() + ", /v3 failures " + v3Failures.size() + "; /v5 ok " + v5Ok.get()
                + ", /v5 'not available' (503, 9005) " + v5Unavailable.get() + ", other /v5 answers "
                + v5Failures.size() + "; per update: update+refresh ms, /v5 back ms, 503 window ms:");
        for (int i = 0; i < UPDATES; i++) {
            double window = windows[i][0] == 0 ? 0 : (windows[i][1] - windows[i][0]) / 1e6;
            report.append(String.format(" [%d, %d, %.1f]", updateMillis[i], backMillis[i], window));
        }
        System.out.println(report);
        assertEquals("/v3 failures: " + distinct(v3Failures), 0, v3Failures.size());
        assertEquals("/v5 answers other than 200/0 or 503/9005: " + distinct(v5Failures), 0, v5Failures.size());
        assertEquals("the /v3 servlet was never re-registered", v3Servlet, v3ServletId());
        assertSame("api-v3's copy of the shared function bodies was never reloaded", v3Shared,
                sharedFunctions(apiV3));
        assertEquals(Bundle.ACTIVE, apiV3.getState());
        assertEquals(Bundle.ACTIVE, apiV5.getState());
    }

    /**
     * The function bodies both facades share (api-common's org.opennhi.api.common.functions) are embedded in each
     * facade bundle, not imported: each runs its own copy, so an update of one never reloads the other's.
     */
    @Test
    public void eachFacadeRunsItsOwnCopyOfTheSharedFunctions() throws Exception {
        Class<?> v5 = sharedFunctions(bundle("org.opennhi.api.v5"));
        Class<?> v3 = sharedFunctions(bundle("org.opennhi.api.v3"));
        assertEquals(bundle("org.opennhi.api.v5"), FrameworkUtil.getBundle(v5));
        assertEquals(bundle("org.opennhi.api.v3"), FrameworkUtil.getBundle(v3));
    }

    private static Class<?> sharedFunctions(Bundle facade) throws ClassNotFoundException {
        return facade.loadClass("org.opennhi.api.common.functions.CardFunctions");
    }

    private Object v3ServletId() throws Exception {
        var refs = context.getServiceReferences("jakarta.servlet.Servlet",
                "(osgi.http.whiteboard.servlet.pattern=/v3/*)");
        for (var ref : refs) {
            if ("org.opennhi.api.v3".equals(ref.getBundle().getSymbolicName())) {
                return ref.getProperty("service.id");
            }
        }
        throw new AssertionError("no /v3 servlet");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static Map<String, Long> distinct(List<String> failures) {
        Map<String, Long> d = new TreeMap<>();
        synchronized (failures) {
            failures.forEach(f -> d.merge(f, 1L, Long::sum));
        }
        return d;
    }
}
