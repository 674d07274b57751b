package org.opennhi.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.engine.CardEngine;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What the console does, shared by the admin page, the admin API ({@code nhi-cs ctl}) and the Gogo commands:
 * csVerifySAMDC, csSoftwareReset 0–3 and csResetFsim, rescan, killcsTask, the CSREMOTE/HPCFASTAUTH switches and
 * the log view. Long actions run as {@link Jobs} with progress.
 */
@Component(service = ConsoleActions.class)
public final class ConsoleActions {
    /** csSoftwareReset targets. */
    static final int RESET_READER = 0;
    static final int RESET_SAM = 1;
    static final int RESET_HPC = 2;
    static final int RESET_HC = 3;
    private static final int LOG_LINES_MAX = 2000;

    private final BundleContext context;
    private final NhiHome home;
    private final ConfigurationAdmin cm;
    private final Jobs jobs = new Jobs();
    private volatile SamService sam;
    private volatile PlatformSettings settings;
    private volatile HpcAuthorisation hpc;
    private volatile CardEngine engine;
    private volatile CommandProcessor gogo;
    private volatile PlatformEvents events;

    @Activate
    public ConsoleActions(BundleContext context, @Reference NhiHome home, @Reference ConfigurationAdmin cm) {
        this.context = context;
        this.home = home;
        this.cm = cm;
    }

    @Deactivate
    void deactivate() {
        jobs.close();
    }

    // --- long actions ---------------------------------------------------------------------------------

    /** csVerifySAMDC: authenticates the SAM with the IDC. */
    Jobs.Job authenticateSam() {
        return submit("csVerifySAMDC", progress -> {
            samService().authenticateWithIdc(progress);
            return "SAM authenticated with the IDC (status " + samService().status().legacyValue() + ")";
        });
    }

    /** csSoftwareReset(target): 0 reader, 1 SAM, 2 HPC, 3 HC. */
    Jobs.Job softwareReset(int target) {
        if (target < RESET_READER || target > RESET_HC) {
            throw new IllegalArgumentException("csSoftwareReset takes 0 (reader), 1 (SAM), 2 (HPC) or 3 (HC), not " + target);
        }
        return submit("csSoftwareReset(" + target + ")", progress -> switch (target) {
            case RESET_READER -> resetReader(progress, 1, 1) + forgetCards(RESET_READER);
            case RESET_SAM -> resetSam(progress, 1, 2) + forgetCards(RESET_SAM);
            case RESET_HPC -> resetHpc(progress) + forgetCards(RESET_HPC);
            default -> resetHc(progress);
        });
    }

    /** csResetFsim: the control software starts its readers and SAM again. */
    Jobs.Job resetFsim() {
        return submit("csResetFsim", progress -> resetReader(progress, 1, 3) + "; " + resetSam(progress, 2, 3)
                + forgetCards(RESET_READER));
    }

    /** A long action, audited when it ends with the caller of the thread that asked (AuditContext). */
    private Jobs.Job submit(String name, Jobs.Action action) {
        String caller = AuditContext.current().caller("platform");
        return jobs.submit(name, progress -> {
            int code = ResultCode.FUNCTION_NOT_AVAILABLE.code();
            try {
                String result = action.run(progress);
                code = 0;
                return result;
            } catch (NhiException e) {
                code = e.result().code();
                throw e;
            } finally {
                audit(name, caller, code);
            }
        });
    }

    /** Keeps the audit record of an administrative action. */
    void audit(String action, String caller, int code) {
        PlatformEvents e = events;
        if (e != null) {
            e.record(AuditRecord.admin(action, caller, code));
        }
    }

    /** @return the audit trail's matching lines (docs/card-engine.md, "Audit") */
    List<String> auditTrail(Instant since, String card, String function, int limit) {
        PlatformEvents e = events;
        return e == null ? List.of() : e.auditTrail(since, card, function, limit);
    }

    Optional<Jobs.Job> job(long id) {
        return jobs.find(id);
    }

    private String resetReader(Progress progress, int step, int steps) throws Exception {
        String type = settings == null ? PlatformSettings.READER_TYPE_PCSC : settings.readerType();
        Bundle plugin = pluginBundle(ReaderPlugin.class, ReaderPlugin.TYPE_PROPERTY, type);
        progress.update(step - 1, steps, "restarting reader plugin " + plugin.getSymbolicName());
        restart(plugin);
        awaitService(ReaderPlugin.class, ReaderPlugin.TYPE_PROPERTY, type);
        progress.update(step, steps, "reader plugin '" + type + "' started again");
        return "reader plugin '" + type + "' restarted";
    }

    private String resetSam(Progress progress, int step, int steps) throws Exception {
        String mode = settings == null ? PlatformSettings.SAM_MODE_CLOUD : settings.samMode();
        Bundle plugin = pluginBundle(SamPlugin.class, SamPlugin.MODE_PROPERTY, mode);
        progress.update(step - 1, steps + 1, "restarting SAM plugin " + plugin.getSymbolicName());
        restart(plugin);
        awaitService(SamPlugin.class, SamPlugin.MODE_PROPERTY, mode);
        progress.update(step, steps + 1, "authenticating the SAM with the IDC");
        SamService s = samService();
        if (s.status() != SamStatus.AUTHENTICATED) {
            s.authenticateWithIdc(progress);
        }
        return "SAM plugin '" + mode + "' restarted, status " + s.status().legacyValue();
    }

    /** csSoftwareReset(2): ends the HPC's authorisation (the PIN must be verified again, fast auth included). */
    private String resetHpc(Progress progress) throws NhiException {
        HpcAuthorisation h = hpc;
        if (h == null) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "no HPC authorisation service is running");
        }
        progress.update(0, 1, "ending the HPC authorisation");
        h.revoke();
        progress.update(1, 1, "HPC authorisation ended");
        return "HPC reset: its PIN must be verified again";
    }

    /** csSoftwareReset(3): the card engine forgets what it holds of the HC; the next call reads the card again. */
    private String resetHc(Progress progress) throws NhiException {
        CardEngine e = engine;
        if (e == null) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "csSoftwareReset(3) resets the card engine's HC"
                    + " state; no card engine is running");
        }
        progress.update(0, 1, "forgetting the HC's data and authentication");
        e.reset(RESET_HC);
        progress.update(1, 1, "HC state reset");
        return "HC reset: the next call reads and authenticates the card again";
    }

    /** After a reader, SAM or HPC reset the engine's card state would describe sessions that no longer exist. */
    private String forgetCards(int target) throws NhiException {
        CardEngine e = engine;
        if (e == null) {
            return "";
        }
        e.reset(target);
        return "; card engine state reset";
    }

    private Bundle pluginBundle(Class<?> type, String property, String value) throws NhiException {
        try {
            Collection<? extends ServiceReference<?>> refs = context.getServiceReferences(type,
                    "(" + property + "=" + value + ")");
            if (refs.isEmpty()) {
                throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "no " + type.getSimpleName() + " '" + value
                        + "' is running");
            }
            return refs.iterator().next().getBundle();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a plugin name: " + value, e);
        }
    }

    private void awaitService(Class<?> type, String property, String value) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (!context.getServiceReferences(type, "(" + property + "=" + value + ")").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, type.getSimpleName() + " '" + value
                + "' did not come back within 20 s");
    }

    private static void restart(Bundle bundle) throws BundleException {
        // transient: a reset must not change which bundles start with the platform
        bundle.stop(Bundle.STOP_TRANSIENT);
        bundle.start(Bundle.START_TRANSIENT);
    }

    private SamService samService() throws NhiException {
        SamService s = sam;
        if (s == null) {
            throw new NhiException(ResultCode.SAM_NOT_PRESENT, "no SAM service is running");
        }
        return s;
    }

    // --- quick actions --------------------------------------------------------------------------------

    /** Rescan of the chip readers (the PC/SC plugin's command): which reader holds the HC, which the HPC. */
    String rescan() throws Exception {
        audit("rescan", AuditContext.current().caller("platform"), 0);
        CommandProcessor p = gogo;
        String type = settings == null ? "" : settings.readerType();
        if (!PlatformSettings.READER_TYPE_PCSC.equals(type)) {
            return "Rescan maps chip readers; the reader type now is '" + type + "', which maps itself.";
        }
        if (p == null) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "the command shell is not running");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = p.createSession(System.in, ps, ps)) {
            Object result = session.execute("opennhi:rescan");
            return (out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result)).strip();
        }
    }

    /** Sets one platform setting (fast auth, remote desktop), applied live. */
    void setPlatform(String key, Object value) throws IOException {
        audit("setPlatform:" + key, AuditContext.current().caller("platform"), 0);
        Configuration c = cm.getConfiguration(PlatformSettings.PID, "?");
        Dictionary<String, Object> props = c.getProperties();
        if (props == null) {
            props = new Hashtable<>();
        }
        props.put(key, value);
        c.update(props);
    }

    /** killcsTask: stops the platform shortly after answering, so the caller hears that it will. */
    void stopPlatform() {
        audit("killcsTask", AuditContext.current().caller("platform"), 0);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
                context.getBundle(0).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BundleException e) {
                System.err.println("killcsTask: the platform could not stop: " + e);
            }
        }, "opennhi-killcstask");
        t.start();
    }

    /** @return the log files under LOG/ */
    List<String> logFiles() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(home.logFolder())) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(home.logFolder())) {
                ds.forEach(p -> {
                    if (Files.isRegularFile(p)) {
                        names.add(p.getFileName().toString());
                    }
                });
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * @param name a file of LOG/ (nothing outside it)
     * @param lines how many of the last lines
     */
    List<String> tail(String name, int lines) throws IOException {
        if (!logFiles().contains(name)) {
            throw new IllegalArgumentException("no log file '" + name + "' in " + home.logFolder());
        }
        int n = Math.max(1, Math.min(lines, LOG_LINES_MAX));
        return LogTail.tail(home.logFolder().resolve(name), n); // from the end: never the whole file
    }

    // --- references -----------------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(PlatformEvents e) {
        events = e;
    }

    void unbindEvents(PlatformEvents e) {
        if (events == e) {
            events = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSam(SamService s) {
        sam = s;
    }

    void unbindSam(SamService s) {
        if (sam == s) {
            sam = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
    }

    void updatedSettings(PlatformSettings s) {
        settings = s;
    }

    void unbindSettings(PlatformSettings s) {
        if (settings == s) {
            settings = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHpc(HpcAuthorisation h) {
        hpc = h;
    }

    void unbindHpc(HpcAuthorisation h) {
        if (hpc == h) {
            hpc = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEngine(CardEngine e) {
        engine = e;
    }

    void unbindEngine(CardEngine e) {
        if (engine == e) {
            engine = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindGogo(CommandProcessor p) {
        gogo = p;
    }

    void unbindGogo(CommandProcessor p) {
        if (gogo == p) {
            gogo = null;
        }
    }
}
