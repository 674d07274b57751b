// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;

import org.opennhi.sim.card.fixtures.Fixtures;
import org.opennhi.sim.idc.internal.card.CardAuthentication;
import org.opennhi.sim.idc.internal.cards.CardContentsService;
import org.opennhi.sim.idc.internal.fault.FaultInjector;
import org.opennhi.sim.idc.internal.hpc.FastAuthService;
import org.opennhi.sim.idc.internal.hpc.FastAuthToken;
import org.opennhi.sim.idc.internal.insurance.InsuranceService;
import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.Application;
import org.opennhi.sim.idc.internal.model.Institution;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.Counters;
import org.opennhi.sim.idc.internal.sam.Keyring;
import org.opennhi.sim.idc.internal.sam.SamAuthentication;
import org.opennhi.sim.idc.internal.sam.SamIssuer;
import org.opennhi.sim.idc.internal.sam.SamKeys;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.sam.Sessions;
import org.opennhi.sim.idc.internal.sign.SignatureService;
import org.opennhi.sim.idc.internal.store.AuditLog;
import org.opennhi.sim.idc.internal.store.Journal;
import org.opennhi.sim.idc.internal.store.Table;
import org.opennhi.sim.idc.internal.tls.CertificateAuthority;
import org.opennhi.sim.idc.internal.treat.TreatmentIdService;
import org.opennhi.sim.idc.internal.treat.TreatmentRecord;
import org.opennhi.sim.idc.internal.upload.UploadRecord;
import org.opennhi.sim.idc.internal.upload.UploadService;

/**
 * Everything the IDC holds, wired once from the data folder: the journal and its tables, the CA and the
 * services. No HTTP here: {@code IdcServer} puts this behind Jetty.
 */
public final class IdcCore implements AutoCloseable {
    final Journal journal;
    final AuditLog audit;
    final CertificateAuthority ca;
    final Times times;
    final Table<SamRecord> sams;
    final Lifecycle lifecycle;
    final SamAuthentication samAuth;
    final Sessions sessions;
    final CardAuthentication cardAuth;
    final SignatureService signatures;
    final SamKeys samKeys;
    final SamIssuer issuer;
    final InsuranceService insurance;
    final TreatmentIdService treatmentIds;
    final FastAuthService fastAuth;
    final UploadService uploads;
    final FaultInjector faults;
    final Keyring keyring;
    final CardContentsService cardContents;

    /**
     * @param dataDir the data folder (journal, CA, uploads, audit)
     * @param times the clock
     * @param forceWrites whether journal writes are forced to the device
     * @param unknownCardsInsured whether unregistered cards count as insured
     */
    public IdcCore(Path dataDir, Times times, boolean forceWrites, boolean unknownCardsInsured) {
        SecureRandom random = new SecureRandom();
        this.times = times;
        try {
            org.opennhi.sim.idc.internal.store.OwnerOnly.folder(dataDir); // SAM keys, card records, uploads
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the IDC data folder " + dataDir, e);
        }
        this.journal = new Journal(dataDir.resolve("db"), forceWrites);
        this.audit = new AuditLog(dataDir.resolve("audit.jsonl"));
        this.ca = CertificateAuthority.loadOrCreate(dataDir.resolve("tls"), random);
        this.keyring = new Keyring();
        this.sams = new Table<>(journal, "sams", SamRecord.class);
        Counters counters = new Counters(new Table<>(journal, "counters", Long.class));
        this.samKeys = new SamKeys(random);
        this.issuer = new SamIssuer(sams, counters, samKeys, keyring, ca.key(), times);
        this.lifecycle = new Lifecycle(new Table<>(journal, "applications", Application.class),
                new Table<>(journal, "institutions", Institution.class), sams, new Table<>(journal, "marks", String.class),
                counters, issuer, times);
        this.sessions = new Sessions(new Table<>(journal, "sessions", Session.class), sams, times, random);
        this.samAuth = new SamAuthentication(sams, sessions, keyring, times, random);
        this.cardAuth = new CardAuthentication(keyring, times, random);
        this.signatures = new SignatureService(sams, samKeys, keyring);
        this.insurance = new InsuranceService(new Table<>(journal, "persons", InsuranceService.Person.class),
                unknownCardsInsured);
        this.treatmentIds = new TreatmentIdService(new Table<>(journal, "treatment-ids", TreatmentRecord.class),
                new Table<>(journal, "treatment-id-seconds", Long.class), keyring, times);
        this.fastAuth = new FastAuthService(new Table<>(journal, "hpc-tokens", FastAuthToken.class),
                new Table<>(journal, "hpc-latest", String.class), cardAuth, times, random);
        this.uploads = new UploadService(new Table<>(journal, "uploads", UploadRecord.class), dataDir.resolve("uploads"),
                times, random);
        this.faults = new FaultInjector(new Random());
        Fixtures fixtures = Fixtures.standard(times.clock());
        new FixtureSeed(fixtures).apply(lifecycle, issuer, sams, insurance);
        this.cardContents = new CardContentsService(new Table<>(journal, "card-contents",
                CardContentsService.Contents.class));
        cardContents.seed(fixtures.persons());
    }

    /** @return the lifecycle (the hourly job, the CLI) */
    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** @return the CA */
    public CertificateAuthority ca() {
        return ca;
    }

    @Override
    public void close() {
        audit.close();
        journal.close();
    }
}
