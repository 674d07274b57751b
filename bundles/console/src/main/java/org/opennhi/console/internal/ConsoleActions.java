// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.HpcAuthorisation;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.CardEngine;
import org.opennhi.reader.pcsc.ChipReaders;
import org.osgi.framework.BundleContext;
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
 * csVerifySAMDC, csSoftwareReset 0–3 and csResetFsim ({@link SoftwareReset}), rescan, killcsTask and the
 * CSREMOTE/HPCFASTAUTH switches ({@link PlatformSwitches}), the log view ({@link LogFolder}); each audited.
 * Long actions run as {@link Jobs} with progress.
 */
@Component(service = ConsoleActions.class)
public final class ConsoleActions {
    private final Jobs jobs = new Jobs();
    private final SoftwareReset resets;
    private final PlatformSwitches switches;
    private final LogFolder logs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SamService sam;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformSettings settings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HpcAuthorisation hpc;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CardEngine engine;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChipReaders chipReaders;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlatformEvents events;

    @Activate
    public ConsoleActions(BundleContext context, @Reference NhiHome home, @Reference ConfigurationAdmin cm) {
        this.resets = new SoftwareReset(new PluginRestarts(context), () -> settings, () -> sam, () -> hpc,
                () -> engine);
        this.switches = new PlatformSwitches(cm, context.getBundle(0));
        this.logs = new LogFolder(home.logFolder());
    }

    @Deactivate
    void deactivate() {
        jobs.close();
    }

    // --- long actions ---------------------------------------------------------------------------------

    /** csVerifySAMDC: authenticates the SAM with the IDC. */
    Jobs.Job authenticateSam() {
        return submit("csVerifySAMDC", progress -> {
            resets.samService().authenticateWithIdc(progress);
            return "SAM authenticated with the IDC (status " + resets.samService().status().legacyValue() + ")";
        });
    }

    /** csSoftwareReset(target): 0 reader, 1 SAM, 2 HPC, 3 HC. */
    Jobs.Job softwareReset(int target) {
        SoftwareReset.check(target);
        return submit("csSoftwareReset(" + target + ")", progress -> resets.reset(target, progress));
    }

    /** csResetFsim: the control software starts its readers and SAM again. */
    Jobs.Job resetFsim() {
        return submit("csResetFsim", resets::resetFsim);
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

    Optional<Jobs.Job> job(long id) {
        return jobs.find(id);
    }

    // --- audit --------------------------------------------------------------------------------------

    /** Keeps the audit record of an administrative action. */
    void audit(String action, String caller, int code) {
        PlatformEvents e = events;
        if (e != null) {
            e.record(AuditRecord.admin(action, caller, code));
        }
    }

    private void audit(String action) {
        audit(action, AuditContext.current().caller("platform"), 0);
    }

    /** @return the audit trail's matching lines (docs/card-engine.md, "Audit") */
    List<String> auditTrail(Instant since, String card, String function, int limit) {
        PlatformEvents e = events;
        return e == null ? List.of() : e.auditTrail(since, card, function, limit);
    }

    // --- quick actions --------------------------------------------------------------------------------

    /** Rescan of the chip readers (the PC/SC plugin's mapping): which reader holds the HC, which the HPC. */
    String rescan() throws NhiException {
        audit("rescan");
        PlatformSettings s = settings;
        String type = s == null ? "" : s.readerType();
        if (!PlatformSettings.READER_TYPE_PCSC.equals(type)) {
            return "Rescan maps chip readers; the reader type now is '" + type + "', which maps itself.";
        }
        ChipReaders chips = chipReaders;
        if (chips == null) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "the chip reader plugin is not running");
        }
        return chips.rescan();
    }

    /** Sets one platform setting (fast auth, remote desktop), applied live. */
    void setPlatform(String key, Object value) throws IOException {
        audit("setPlatform:" + key);
        switches.set(key, value);
    }

    /** killcsTask: stops the platform shortly after answering, so the caller hears that it will. */
    void stopPlatform() {
        audit("killcsTask");
        switches.stopSoon();
    }

    /** @return the log files under LOG/ */
    List<String> logFiles() throws IOException {
        return logs.files();
    }

    /**
     * @param name a file of LOG/ (nothing outside it)
     * @param lines how many of the last lines
     */
    List<String> tail(String name, int lines) throws IOException {
        return logs.tail(name, lines);
    }
}
