// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.util.function.Supplier;

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

/**
 * csSoftwareReset 0–3 and csResetFsim: the reader or SAM plugin started again, the HPC's authorisation ended,
 * or the card engine's HC state forgotten. Each service may be absent; each getter answers null then.
 */
final class SoftwareReset {
    /** csSoftwareReset targets. */
    static final int READER = 0;
    static final int SAM = 1;
    static final int HPC = 2;
    static final int HC = 3;

    private final PluginRestarts restarts;
    private final Supplier<PlatformSettings> settings;
    private final Supplier<SamService> sam;
    private final Supplier<HpcAuthorisation> hpc;
    private final Supplier<CardEngine> engine;

    SoftwareReset(PluginRestarts restarts, Supplier<PlatformSettings> settings, Supplier<SamService> sam,
            Supplier<HpcAuthorisation> hpc, Supplier<CardEngine> engine) {
        this.restarts = restarts;
        this.settings = settings;
        this.sam = sam;
        this.hpc = hpc;
        this.engine = engine;
    }

    /** @throws IllegalArgumentException for a target other than 0 (reader), 1 (SAM), 2 (HPC), 3 (HC) */
    static void check(int target) {
        if (target < READER || target > HC) {
            throw new IllegalArgumentException("csSoftwareReset takes 0 (reader), 1 (SAM), 2 (HPC) or 3 (HC), not " + target);
        }
    }

    /** csSoftwareReset(target). */
    String reset(int target, Progress progress) throws Exception {
        return switch (target) {
            case READER -> resetReader(progress, 1, 1) + forgetCards(READER);
            case SAM -> resetSam(progress, 1, 2) + forgetCards(SAM);
            case HPC -> resetHpc(progress) + forgetCards(HPC);
            default -> resetHc(progress);
        };
    }

    /** csResetFsim: the control software starts its readers and SAM again. */
    String resetFsim(Progress progress) throws Exception {
        return resetReader(progress, 1, 3) + "; " + resetSam(progress, 2, 3) + forgetCards(READER);
    }

    /** @return the SAM service */
    SamService samService() throws NhiException {
        SamService s = sam.get();
        if (s == null) {
            throw new NhiException(ResultCode.SAM_NOT_PRESENT, "no SAM service is running");
        }
        return s;
    }

    private String resetReader(Progress progress, int step, int steps) throws Exception {
        PlatformSettings s = settings.get();
        String type = s == null ? PlatformSettings.READER_TYPE_PCSC : s.readerType();
        restarts.restart("reader", ReaderPlugin.class, ReaderPlugin.TYPE_PROPERTY, type, progress, step, steps);
        progress.update(step, steps, "reader plugin '" + type + "' started again");
        return "reader plugin '" + type + "' restarted";
    }

    private String resetSam(Progress progress, int step, int steps) throws Exception {
        PlatformSettings settingsNow = settings.get();
        String mode = settingsNow == null ? PlatformSettings.SAM_MODE_CLOUD : settingsNow.samMode();
        restarts.restart("SAM", SamPlugin.class, SamPlugin.MODE_PROPERTY, mode, progress, step, steps + 1);
        progress.update(step, steps + 1, "authenticating the SAM with the IDC");
        SamService s = samService();
        if (s.status() != SamStatus.AUTHENTICATED) {
            s.authenticateWithIdc(progress);
        }
        return "SAM plugin '" + mode + "' restarted, status " + s.status().legacyValue();
    }

    /** csSoftwareReset(2): ends the HPC's authorisation (the PIN must be verified again, fast auth included). */
    private String resetHpc(Progress progress) throws NhiException {
        HpcAuthorisation h = hpc.get();
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
        CardEngine e = engine.get();
        if (e == null) {
            throw new NhiException(ResultCode.FUNCTION_NOT_AVAILABLE, "csSoftwareReset(3) resets the card engine's HC"
                    + " state; no card engine is running");
        }
        progress.update(0, 1, "forgetting the HC's data and authentication");
        e.reset(HC);
        progress.update(1, 1, "HC state reset");
        return "HC reset: the next call reads and authenticates the card again";
    }

    /** After a reader, SAM or HPC reset the engine's card state would describe sessions that no longer exist. */
    private String forgetCards(int target) throws NhiException {
        CardEngine e = engine.get();
        if (e == null) {
            return "";
        }
        e.reset(target);
        return "; card engine state reset";
    }
}
