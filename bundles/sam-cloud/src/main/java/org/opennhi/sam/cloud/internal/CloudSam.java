// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

import javax.net.ssl.SSLContext;

import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.idc.client.CloudSamCard;
import org.opennhi.idc.client.IdcConnection;
import org.opennhi.idc.client.IdcRefusal;
import org.opennhi.idc.client.IdcSession;
import org.opennhi.idc.client.IdcTrust;
import org.opennhi.idc.client.MachineId;
import org.opennhi.idc.client.Pem;
import org.opennhi.idc.client.SamAuthentication;
import org.opennhi.idc.client.SessionCalls;

import com.google.gson.JsonObject;

/**
 * The cloud SAM's state, outside any framework: the SAM file found in the folder, the IDC session, and the
 * status they make (0 no file · 9 a file that is not a usable SAM · 1 a valid file · 2 authenticated).
 * Thread-safe; authentications run one at a time.
 */
final class CloudSam {
    private final Clock clock;
    private final BiConsumer<SamStatus, String> statusChanges;
    private final Object authLock = new Object();
    private final SecureRandom random = new SecureRandom();
    private volatile CloudSamSettings settings;
    private volatile State state = new State(SamStatus.ABSENT, null, null, null);
    /** The client of the last authentication, kept (with its open connection) while settings and CA stay. */
    private IdcConnection client;
    private CloudSamSettings clientSettings;
    private X509Certificate clientCa;

    /** One consistent view: status, the file it was made from, the session and the IDC client it lives in. */
    private record State(SamStatus status, LoadedSam sam, IdcSession session, IdcConnection idc) {
    }

    /**
     * @param settings where to look and whom to trust
     * @param clock tells when the session has ended
     * @param statusChanges told each new status with a plain-words reason (never a secret)
     */
    CloudSam(CloudSamSettings settings, Clock clock, BiConsumer<SamStatus, String> statusChanges) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.statusChanges = Objects.requireNonNull(statusChanges, "statusChanges");
    }

    /** New settings: the SAM folder is looked at again and a session with another IDC or file is dropped. */
    void configure(CloudSamSettings changed) {
        CloudSamSettings old = settings;
        settings = Objects.requireNonNull(changed, "changed");
        if (!old.equals(changed)) {
            Read file = read(changed);
            synchronized (authLock) {
                refresh(changed, file, true);
            }
        }
    }

    /** @return the status now; an ended session counts as not authenticated */
    SamStatus status() {
        State s = state;
        if (s.status() == SamStatus.AUTHENTICATED && !clock.instant().isBefore(s.session().expiresAt())) {
            return SamStatus.NOT_AUTHENTICATED;
        }
        return s.status();
    }

    /** @return who the SAM belongs to, once a valid file was found */
    Optional<SamIdentity> identity() {
        LoadedSam sam = state.sam();
        return sam == null ? Optional.empty() : Optional.of(sam.identity());
    }

    /**
     * Looks at the SAM folder again (a file may have been added, replaced or removed) without contacting the
     * IDC. A session stays while the same file is there.
     *
     * @return the status after looking
     */
    SamStatus refresh() {
        CloudSamSettings s = settings;
        Read file = read(s); // outside the lock: a hostile file costs its own caller the bound, nobody else
        synchronized (authLock) {
            return refresh(s, file, false);
        }
    }

    /**
     * Authenticates the SAM file with the IDC (csVerifySAMDC): status 1 → 2.
     *
     * @param progress told of each step
     * @throws NhiException 9200/9201 for the file, 9202 bound elsewhere, 4061 no answer within the bounds,
     *         4051 refused, 9004 IDC out of service
     */
    void authenticate(Progress progress) throws NhiException {
        CloudSamSettings s = settings;
        progress.update(0, SamAuthentication.STEPS + 1, "Reading the SAM file");
        Read file = read(s); // outside the lock, bounded in size and time (a FIFO must not hold the SAM)
        synchronized (authLock) {
            locate(s, file, Optional.empty()); // the file's own problems (9200/9201) come before a missing CA
            X509Certificate ca = ca(s);
            LoadedSam sam = locate(s, file, Optional.of(ca.getPublicKey()));
            String machineId;
            try {
                machineId = MachineId.of(s.iniFolder());
            } catch (IOException e) {
                throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "cannot keep this PC's machine id in "
                        + s.iniFolder(), e);
            }
            IdcConnection idc = client(s, ca);
            Progress shifted = (done, total, step) -> progress.update(done + 1, total + 1, step);
            try {
                IdcSession session = new SamAuthentication(idc, machineId)
                        .authenticate(new CloudSamCard(sam.file(), random), shifted);
                set(new State(SamStatus.AUTHENTICATED, sam, session, idc), "authenticated with the IDC until "
                        + session.expiresAt());
            } catch (NhiException e) {
                if (e.result() == ResultCode.NETWORK_DOWN) {
                    client = null; // its kept connections may be stale: the next attempt starts afresh
                }
                set(new State(SamStatus.NOT_AUTHENTICATED, sam, null, null), "authentication with the IDC failed ("
                        + e.result().code() + ")");
                throw e;
            }
        }
    }

    /**
     * Posts to one of the IDC's Bearer routes in the SAM session. A SAM file that is valid but not yet
     * authenticated (status 1) authenticates by itself first, so the HIS need not call csVerifySAMDC before the
     * first card operation; an ended session is renewed once (idc-protocol §15).
     *
     * @return the answer object
     * @throws IdcRefusal a refusal the caller must interpret for its operation
     * @throws NhiException 4050/4051/4061/9003/9004 or the SAM file's own problems (92xx)
     */
    JsonObject post(String path, JsonObject body) throws IdcRefusal, NhiException {
        return SessionCalls.post(connection(), sessions, path, body);
    }

    /**
     * @return the current session, without authenticating
     * @throws NhiException 4050 when the SAM is not authenticated with the IDC (or its session ended)
     */
    IdcSession session() throws NhiException {
        State s = state;
        if (s.status() != SamStatus.AUTHENTICATED || !clock.instant().isBefore(s.session().expiresAt())) {
            throw new NhiException(ResultCode.SAM_NOT_AUTHENTICATED, "the cloud SAM is not authenticated with the"
                    + " IDC (status " + status().legacyValue() + ")");
        }
        return s.session();
    }

    /** @see org.opennhi.contracts.sam.SamService#offlineTreatmentId */
    String offlineTreatmentId(java.time.LocalDateTime visit, String idNumber) throws NhiException {
        LoadedSam sam = state.sam();
        if (sam == null && refresh() != SamStatus.ABSENT) {
            sam = state.sam();
        }
        if (sam == null) {
            throw new NhiException(ResultCode.SAM_FOLDER_INVALID, "no usable SAM file to key an offline id with");
        }
        return org.opennhi.idc.client.TreatmentIds.offline(sam.file().hospitalId(), sam.file().samId(),
                sam.file().authKey(), visit, idNumber);
    }

    /** @see org.opennhi.contracts.sam.SamService#callIdc */
    String forward(String route, String jsonBody) throws NhiException {
        return SessionCalls.forward(connection(), sessions, route, jsonBody);
    }

    private final SessionCalls.Sessions sessions = new SessionCalls.Sessions() {
        @Override
        public IdcSession current() throws NhiException {
            try {
                return session();
            } catch (NhiException e) {
                if (state.sam() == null && refresh() != SamStatus.NOT_AUTHENTICATED) {
                    throw e; // no usable file, even after looking again: nothing to authenticate
                }
                return renew();
            }
        }

        @Override
        public IdcSession renew() throws NhiException {
            authenticate(Progress.NONE);
            return state.session();
        }
    };

    /** @return the connection of the current session, or of a fresh one when there is none yet */
    private IdcConnection connection() throws NhiException {
        State s = state;
        if (s.idc() != null) {
            return s.idc();
        }
        sessions.current();
        return state.idc();
    }

    /**
     * Signs with the SAM's key at the IDC (idc-protocol §6).
     *
     * @throws NhiException 4050 not authenticated, 5008 signing failed, 4061/9003/9004 IDC not answering
     */
    byte[] sign(SignatureType type, byte[] data) throws NhiException {
        JsonObject body = new JsonObject();
        body.addProperty("type", type.name());
        body.addProperty("data", Base64.getEncoder().encodeToString(data));
        try {
            JsonObject answer = post("/v1/signatures", body);
            byte[] signature = Base64.getDecoder().decode(answer.get("signature").getAsString());
            if (signature.length != type.length()) {
                throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "the IDC's " + type + " signature has "
                        + signature.length + " bytes, not " + type.length());
            }
            return signature;
        } catch (IdcRefusal e) {
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, e.getMessage(), e);
        } catch (RuntimeException e) { // a malformed answer: no signature field, bad base64
            throw new NhiException(ResultCode.SAM_SIGNATURE_FAILED, "the IDC's signature answer is malformed", e);
        }
    }

    private SamStatus refresh(CloudSamSettings s, Read file, boolean dropSession) {
        State now = state;
        Optional<PublicKey> issuer = Optional.empty();
        try {
            issuer = Optional.of(ca(s).getPublicKey());
        } catch (NhiException e) {
            // no CA yet: the file's shape is still checked here, its signature when authenticating
        }
        try {
            LoadedSam sam = locate(s, file, issuer);
            boolean same = now.sam() != null && now.sam().path().equals(sam.path())
                    && now.sam().file().samId().equals(sam.file().samId());
            if (same && !dropSession && now.session() != null) {
                set(new State(SamStatus.AUTHENTICATED, sam, now.session(), now.idc()),
                        "the same SAM file is still there");
            } else {
                set(new State(SamStatus.NOT_AUTHENTICATED, sam, null, null), "SAM file found, not yet authenticated");
            }
        } catch (NhiException e) {
            SamStatus status = SamFileLocator.anySamFile(s.samFolder()) ? SamStatus.NOT_A_SAM : SamStatus.ABSENT;
            set(new State(status, null, null, null), e.getMessage());
        }
        return state.status();
    }

    /** What reading the SAM folder gave: the file's bytes, or why there are none. */
    private record Read(SamFileLocator.Candidate candidate, NhiException refusal) {
    }

    private static Read read(CloudSamSettings s) {
        try {
            return new Read(SamFileLocator.read(s.samFolder(), BoundedRead.TIME_BOUND), null);
        } catch (NhiException e) {
            return new Read(null, e);
        }
    }

    private LoadedSam locate(CloudSamSettings s, Read file, Optional<PublicKey> issuer) throws NhiException {
        try {
            if (file.refusal() != null) {
                throw file.refusal();
            }
            return SamFileLocator.validate(file.candidate(), issuer);
        } catch (NhiException e) {
            boolean present = SamFileLocator.anySamFile(s.samFolder());
            set(new State(present ? SamStatus.NOT_A_SAM : SamStatus.ABSENT, null, null, null), e.getMessage());
            throw e;
        }
    }

    /** Called under the authentication lock. */
    private IdcConnection client(CloudSamSettings s, X509Certificate ca) {
        if (client == null || !s.equals(clientSettings) || !ca.equals(clientCa)) {
            SSLContext tls = IdcTrust.context(ca);
            client = new IdcConnection(s.idcUrl(), tls, s.connectTimeout(), s.answerTimeout());
            clientSettings = s;
            clientCa = ca;
        }
        return client;
    }

    private static X509Certificate ca(CloudSamSettings s) throws NhiException {
        try {
            return Pem.certificate(Files.readString(s.caFile(), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "cannot read the IDC's CA certificate "
                    + s.caFile() + " (configure caFile of " + CloudSamConfig.PID + ")", e);
        }
    }

    private void set(State next, String why) {
        State before = state;
        state = next;
        if (before.status() != next.status()) {
            statusChanges.accept(next.status(), why);
        }
    }
}
