// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.lifecycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.model.Application;
import org.opennhi.sim.idc.internal.model.ApplicationState;
import org.opennhi.sim.idc.internal.model.Institution;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.Counters;
import org.opennhi.sim.idc.internal.sam.SamIssuer;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * The cloud-SAM issuance lifecycle of the VPN portal:
 * 申請中 → 審核中 → 未通過 | 待產製 → 可下載 → 註銷中 → 已註銷.
 * SAM files are produced, and revocations carried out, on the full hour of the (injectable) clock;
 * {@link #runHour()} is what the hour triggers. All methods are serialised: the lifecycle is low-traffic.
 */
public final class Lifecycle {
    private static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());

    private final Table<Application> applications;
    private final Table<Institution> institutions;
    private final Table<SamRecord> sams;
    private final Table<String> marks;
    private final Counters counters;
    private final SamIssuer issuer;
    private final Times times;

    /**
     * @param applications applications by number
     * @param institutions institutions by hospital id
     * @param sams SAMs by id
     * @param marks small durable markers (the last hour run)
     * @param counters durable counters
     * @param issuer produces SAMs
     * @param times the clock
     */
    public Lifecycle(Table<Application> applications, Table<Institution> institutions, Table<SamRecord> sams,
            Table<String> marks, Counters counters, SamIssuer issuer, Times times) {
        this.applications = applications;
        this.institutions = institutions;
        this.sams = sams;
        this.marks = marks;
        this.counters = counters;
        this.issuer = issuer;
        this.times = times;
    }

    /**
     * Contracts one of the NHI's test institutions (7777777777, 8888888888, 9999999999) with one test SAM
     * ready to download at once; does nothing when it is already contracted.
     */
    public synchronized void seedTestInstitution(String hospitalId, String name, String shortName) {
        if (!SamIssuer.isTestInstitution(hospitalId) || institutions.get(hospitalId).isPresent()) {
            return;
        }
        Institution inst = new Institution(hospitalId, name, shortName, times.iso());
        institutions.put(hospitalId, inst);
        Application app = newApplication(inst, "test institution", true);
        app.moveTo(ApplicationState.AWAITING_PRODUCTION, times.iso(), "test institutions are approved at once");
        produce(app, inst);
    }

    /** @return true when the institution has a contract */
    public boolean isContracted(String hospitalId) {
        return institutions.get(hospitalId).isPresent();
    }

    /**
     * Contracts an institution (特約): it gets one SAM automatically, produced on the next full hour (so well
     * within the two days NHI promises).
     */
    public synchronized Application contract(String hospitalId, String name, String shortName) {
        checkHospitalId(hospitalId);
        if (institutions.get(hospitalId).isPresent()) {
            throw IdcException.conflict(ResultCode.FUNCTION_NOT_AVAILABLE, "institution " + hospitalId + " is already contracted");
        }
        Institution inst = new Institution(hospitalId, name, shortName == null ? name : shortName, times.iso());
        institutions.put(hospitalId, inst);
        Application app = newApplication(inst, "automatic issue on contract", true);
        app.moveTo(ApplicationState.AWAITING_PRODUCTION, times.iso(), "new contract: one SAM is issued automatically");
        applications.put(app.applicationNo, app);
        return app;
    }

    /** An institution applies for a cloud SAM: 申請中. */
    public synchronized Application apply(String hospitalId, String contact, String phone, String email) {
        Institution inst = institution(hospitalId);
        Application app = newApplication(inst, null, false);
        app.contact = contact;
        app.phone = phone;
        app.email = email;
        applications.put(app.applicationNo, app);
        LOG.log(System.Logger.Level.INFO, "application {0} from {1}: {2}", app.applicationNo, hospitalId, app.stateLabel);
        return app;
    }

    /** 申請中 → 審核中. */
    public synchronized Application review(String applicationNo) {
        return move(applicationNo, ApplicationState.APPLIED, ApplicationState.UNDER_REVIEW, "review started");
    }

    /** 審核中 → 待產製. */
    public synchronized Application approve(String applicationNo) {
        Application app = move(applicationNo, ApplicationState.UNDER_REVIEW, ApplicationState.AWAITING_PRODUCTION,
                "approved; produced on the next full hour");
        app.reviewedAt = times.iso();
        applications.put(app.applicationNo, app);
        return app;
    }

    /** 審核中 → 未通過 (final). */
    public synchronized Application reject(String applicationNo, String reason) {
        Application app = move(applicationNo, ApplicationState.UNDER_REVIEW, ApplicationState.REJECTED,
                reason == null ? "rejected" : reason);
        app.reviewedAt = times.iso();
        applications.put(app.applicationNo, app);
        return app;
    }

    /** 可下載 → 註銷中: the SAM keeps working until the next full hour revokes it. */
    public synchronized Application requestRevocation(String applicationNo) {
        return move(applicationNo, ApplicationState.DOWNLOADABLE, ApplicationState.REVOKING,
                "revocation requested; carried out on the next full hour");
    }

    /**
     * The zip the portal's download button gives: one entry, {@code <hospital id><SAM id>.SAM}.
     */
    public synchronized byte[] download(String applicationNo) {
        Application app = application(applicationNo);
        if (app.state != ApplicationState.DOWNLOADABLE) {
            throw IdcException.conflict(ResultCode.INVALID_SAM_FILE,
                    "application " + applicationNo + " is " + app.stateLabel + ", not " + ApplicationState.DOWNLOADABLE.label());
        }
        SamRecord sam = sams.get(app.samId).orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(sam.fileName));
            zip.write(SamIssuer.fileContent(sam));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Runs the hourly job if a full hour has struck since it last ran: produces every 待產製 application and
     * revokes every 註銷中 one.
     *
     * @return how many applications changed state
     */
    public synchronized int runHourIfDue() {
        LocalDateTime hour = times.now().truncatedTo(ChronoUnit.HOURS);
        String last = marks.get("last-hour-run").orElse(null);
        if (last != null && !hour.isAfter(LocalDateTime.parse(last))) {
            return 0;
        }
        marks.put("last-hour-run", hour.toString());
        // The very first look only notes the hour: what is waiting now is produced when the next one strikes.
        return last == null ? 0 : runHour();
    }

    /** Runs the hourly job now. @return how many applications changed state */
    public synchronized int runHour() {
        int changed = 0;
        List<Application> due = applications.values();
        due.sort(Comparator.comparing(a -> a.applicationNo));
        for (Application app : due) {
            if (app.state == ApplicationState.AWAITING_PRODUCTION) {
                produce(app, institution(app.hospitalId));
                changed++;
            } else if (app.state == ApplicationState.REVOKING) {
                SamRecord sam = sams.get(app.samId).orElseThrow();
                sam.status = SamRecord.Status.REVOKED;
                sam.revokedAt = times.iso();
                sams.put(sam.samId, sam);
                app.moveTo(ApplicationState.REVOKED, times.iso(), "revoked on the hour");
                applications.put(app.applicationNo, app);
                changed++;
            }
        }
        if (changed > 0) {
            LOG.log(System.Logger.Level.INFO, "hourly job at {0}: {1} applications changed", times.iso(), changed);
        }
        return changed;
    }

    /** @return all applications, newest number last; {@code hospitalId} null for all */
    public List<Application> list(String hospitalId) {
        List<Application> all = applications.values();
        all.removeIf(a -> hospitalId != null && !hospitalId.equals(a.hospitalId));
        all.sort(Comparator.comparing(a -> a.applicationNo));
        return all;
    }

    /** @return one application */
    public Application application(String applicationNo) {
        return applications.get(applicationNo).orElseThrow(() -> IdcException.notFound(ResultCode.FUNCTION_NOT_AVAILABLE,
                "no application " + applicationNo));
    }

    /** @return all institutions */
    public List<Institution> institutions() {
        List<Institution> all = institutions.values();
        all.sort(Comparator.comparing(Institution::hospitalId));
        return all;
    }

    private void produce(Application app, Institution inst) {
        SamRecord sam = issuer.produce(inst, app.applicationNo);
        app.samId = sam.samId;
        app.moveTo(ApplicationState.DOWNLOADABLE, times.iso(), "SAM " + sam.samId + " produced");
        applications.put(app.applicationNo, app);
        LOG.log(System.Logger.Level.INFO, "produced SAM {0} for {1} (application {2})", sam.samId, inst.hospitalId(),
                app.applicationNo);
    }

    private Application move(String applicationNo, ApplicationState from, ApplicationState to, String note) {
        Application app = application(applicationNo);
        if (app.state != from) {
            throw IdcException.conflict(ResultCode.FUNCTION_NOT_AVAILABLE, "application " + applicationNo + " is "
                    + app.stateLabel + "; only " + from.label() + " can become " + to.label());
        }
        app.moveTo(to, times.iso(), note);
        applications.put(app.applicationNo, app);
        return app;
    }

    /** Application numbers: {@code YYMM} (Gregorian) + {@code V} (5th character) + 3-character base-36 serial. */
    private Application newApplication(Institution inst, String note, boolean automatic) {
        LocalDateTime now = times.now();
        long serial = counters.next("application-serial");
        String no = String.format("%02d%02dV%3s", now.getYear() % 100, now.getMonthValue(),
                Long.toString(serial % 46656, 36).toUpperCase(java.util.Locale.ROOT)).replace(' ', '0');
        Application app = new Application();
        app.applicationNo = no;
        app.hospitalId = inst.hospitalId();
        app.hospitalName = inst.name();
        app.appliedAt = times.iso();
        app.automatic = automatic;
        app.moveTo(ApplicationState.APPLIED, times.iso(), note == null ? "submitted" : note);
        return app;
    }

    private Institution institution(String hospitalId) {
        checkHospitalId(hospitalId);
        return institutions.get(hospitalId).orElseThrow(() -> IdcException.notFound(ResultCode.FUNCTION_NOT_AVAILABLE,
                "institution " + hospitalId + " has no contract with the simulated NHI"));
    }

    private static void checkHospitalId(String hospitalId) {
        if (hospitalId == null || !hospitalId.matches("[0-9A-Z]{10}")) {
            throw IdcException.badRequest("hospitalId must be 10 characters 0-9 A-Z");
        }
    }
}
