// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.NhiHome;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.platform.Progress;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamPlugin;
import org.opennhi.contracts.sam.SamStatus;
import org.opennhi.contracts.sam.SamStatusListener;
import org.opennhi.contracts.sam.SecureChannel;
import org.opennhi.contracts.sam.SignatureType;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud SAM (雲端安全模組): the {@code .SAM} file in {@code <home>/SAM/<port>} authenticated with the IDC.
 * Starts with whatever is there (no file, no IDC: status 0 or 1, never a failure) and, unless configured
 * otherwise, authenticates in the background; the HIS's csVerifySAMDC authenticates on demand.
 */
@Component(service = SamPlugin.class, immediate = true, configurationPid = CloudSamConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = SamPlugin.MODE_PROPERTY + "=" + PlatformSettings.SAM_MODE_CLOUD)
@Designate(ocd = CloudSamConfig.class)
@Header(name = Plugins.HEADER, value = "sam")
public final class CloudSamPlugin implements SamPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(CloudSamPlugin.class);
    private static final String DEFAULT_PORT = "COMX1";
    /** Default CA file name in {@code <home>/INI}. */
    static final String DEFAULT_CA_FILE = "idc-ca.pem";

    private final NhiHome home;
    private final Listeners<SamStatusListener> listeners = new Listeners<>();
    /** Background authentication and status notifications, off the caller's thread. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "opennhi-sam-cloud");
        t.setDaemon(true);
        return t;
    });
    private final CloudSam sam;
    private volatile CloudSamConfig config;
    private volatile PlatformSettings platform;
    private ScheduledFuture<?> reauthentication;
    private ScheduledFuture<?> retry;
    /** While the IDC does not answer, background authentication tries again this often. */
    static final long RETRY_MINUTES = 1;

    @Activate
    public CloudSamPlugin(@Reference NhiHome home, CloudSamConfig config) {
        this.home = home;
        this.config = config;
        this.sam = new CloudSam(settings(), Clock.systemUTC(), this::tell);
        worker.execute(sam::refresh);
        schedule(config);
    }

    @Modified
    void modified(CloudSamConfig changed) {
        config = changed;
        reconfigure();
        schedule(changed);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        platform = s;
        reconfigure();
    }

    void updatedSettings(PlatformSettings s) {
        platform = s;
        reconfigure();
    }

    void unbindSettings(PlatformSettings s) {
        if (platform == s) {
            platform = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(SamStatusListener l) {
        listeners.add(l);
    }

    void removeListener(SamStatusListener l) {
        listeners.remove(l);
    }

    // --- SamPlugin --------------------------------------------------------------------------------------

    @Override
    public SamStatus status() {
        return sam.status();
    }

    @Override
    public Optional<SamIdentity> identity() {
        return sam.identity();
    }

    @Override
    public void authenticateWithIdc(Progress progress) throws NhiException {
        sam.authenticate(progress == null ? Progress.NONE : progress);
    }

    @Override
    public SecureChannel authenticateCard(CardSession session, String cardNumber) throws NhiException {
        return IdcCardAuthentication.authenticate(sam, session, cardNumber);
    }

    @Override
    public String callIdc(String route, String jsonBody) throws NhiException {
        return sam.forward(route, jsonBody);
    }

    @Override
    public String offlineTreatmentId(LocalDateTime visit, String idNumber) throws NhiException {
        return sam.offlineTreatmentId(visit, idNumber);
    }

    @Override
    public byte[] sign(SignatureType type, byte[] data) throws NhiException {
        return sam.sign(type, data);
    }

    // --- internals --------------------------------------------------------------------------------------

    private void reconfigure() {
        CloudSam s = sam;
        if (s != null) { // the settings reference may bind before the constructor has finished
            s.configure(settings());
        }
    }

    private CloudSamSettings settings() {
        CloudSamConfig c = config;
        PlatformSettings p = platform;
        String port = p == null || p.samPort() == null || p.samPort().isBlank() ? DEFAULT_PORT : p.samPort();
        Path ca = c.caFile().isBlank() ? home.iniFolder().resolve(DEFAULT_CA_FILE) : Path.of(c.caFile());
        return new CloudSamSettings(home.samFolder(port), home.iniFolder(), URI.create(withSlash(c.idcUrl())), ca,
                Duration.ofMillis(Math.max(100, c.connectTimeoutMillis())),
                Duration.ofMillis(Math.max(100, c.answerTimeoutMillis())));
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private synchronized void schedule(CloudSamConfig c) {
        if (reauthentication != null) {
            reauthentication.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
        }
        if (c.authenticateOnStart()) {
            worker.execute(() -> background("start"));
        }
        long minutes = c.reauthenticateMinutes();
        if (minutes > 0) {
            reauthentication = worker.scheduleWithFixedDelay(() -> {
                if (sam.status() == SamStatus.AUTHENTICATED || c.authenticateOnStart()) {
                    background("re-authentication");
                }
            }, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    private void background(String why) {
        if (sam.refresh() == SamStatus.ABSENT) {
            return; // nothing to authenticate
        }
        try {
            sam.authenticate(Progress.NONE);
        } catch (NhiException e) {
            LOG.info("Cloud SAM {} did not authenticate: {}", why, e.getMessage());
            if (e.result() == ResultCode.NETWORK_DOWN || e.result() == ResultCode.IDC_UNAVAILABLE) {
                retryLater(); // the IDC may be back soon; a refused or broken file is not retried
            }
        } catch (RuntimeException e) {
            LOG.warn("Cloud SAM {} failed", why, e);
        }
    }

    private synchronized void retryLater() {
        if (config.authenticateOnStart() && !worker.isShutdown()) {
            retry = worker.schedule(() -> background("retry"), RETRY_MINUTES, TimeUnit.MINUTES);
        }
    }

    private void tell(SamStatus status, String detail) {
        LOG.info("Cloud SAM status {} ({}): {}", status.legacyValue(), status, detail);
        worker.execute(() -> listeners.tell(l -> l.samStatusChanged(status, detail),
                e -> LOG.warn("A SAM status listener failed", e)));
    }
}
