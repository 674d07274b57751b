// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.nhicom.internal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.reader.Availability;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.reader.nhicom.DedicatedReader;
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
 * The dedicated NHI reader (健保讀卡機) on a serial port: SAM, HC and HPC slots behind one line, plus its keypad
 * and clock as {@link DedicatedReader}. Starts without any port present (offline with the reason) and keeps
 * trying, so a reader plugged in later, or a port freed by another program, is picked up without a restart.
 */
@Component(service = {ReaderPlugin.class, DedicatedReader.class}, immediate = true,
        configurationPid = NhiComConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = ReaderPlugin.TYPE_PROPERTY + "=" + PlatformSettings.READER_TYPE_NHI_COM)
@Designate(ocd = NhiComConfig.class)
@Header(name = Plugins.HEADER, value = "reader")
public final class NhiComReaderPlugin implements ReaderPlugin, DedicatedReader {
    private static final Logger LOG = LoggerFactory.getLogger(NhiComReaderPlugin.class);

    private final Listeners<ReaderEventListener> listeners = new Listeners<>();
    private final Map<Slot, Semaphore> turns = new ConcurrentHashMap<>();
    private final ReaderWatcher watcher;
    private volatile NhiComConfig config;
    private volatile PlatformSettings settings;

    @Activate
    public NhiComReaderPlugin(NhiComConfig config) {
        this.config = config;
        this.watcher = new ReaderWatcher(lineSettings(config, null), this::forward);
        watcher.start();
    }

    @Modified
    void modified(NhiComConfig changed) {
        config = changed;
        watcher.configure(lineSettings(changed, settings));
    }

    @Deactivate
    void deactivate() {
        watcher.close();
    }

    /** The legacy {@code [CS] COM=} setting names the port when the plugin's own configuration does not. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "updatedSettings")
    void bindSettings(PlatformSettings s) {
        settings = s;
        watcher.configure(lineSettings(config, s));
    }

    void updatedSettings(PlatformSettings s) {
        watcher.configure(lineSettings(config, s));
    }

    void unbindSettings(PlatformSettings s) {
        if (settings == s) {
            settings = null;
            watcher.configure(lineSettings(config, null));
        }
    }

    static LineSettings lineSettings(NhiComConfig c, PlatformSettings s) {
        String port = PortNames.resolve(c.port(), s == null ? null : s.samPort(), System.getProperty("os.name", ""));
        return new LineSettings(port, c.baudRate(), Math.max(50, c.responseTimeoutMillis()),
                Math.max(0, Math.min(10, c.retries())), Math.max(20, c.pollMillis()), Math.max(50, c.reconnectMillis()));
    }

    // --- ReaderPlugin ----------------------------------------------------------------------------------

    @Override
    public ReaderStatus status() {
        return watcher.status();
    }

    @Override
    public SlotState slot(Slot slot) {
        ReaderWatcher.Connection c = watcher.connection();
        ReaderStatus status = watcher.status();
        if (c == null || status.availability() != Availability.ONLINE) {
            return new SlotState(slot, "", status.availability() == Availability.ONLINE
                    ? ReaderStatus.offline("reconnecting") : status, false, null);
        }
        // a round trip to the reader proves the card (ReaderWatcher#observe): a cache may trust this state
        ReaderWatcher.Observed now = watcher.observe(slot);
        return new SlotState(slot, c.readerName(), status, now.view().present(), now.view().atr(),
                now.generation());
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        ReaderWatcher.Connection c = watcher.connection();
        if (c == null) {
            throw new NhiException(watcher.offlineCode(), watcher.status().reason());
        }
        Semaphore turn = turns.computeIfAbsent(slot, s -> new Semaphore(1, true));
        try {
            if (!turn.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "the " + slot + " card stayed busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.READER_TIMEOUT, "interrupted while waiting for the " + slot + " card");
        }
        ReaderWatcher.SlotView v = watcher.view(slot);
        if (!v.present()) {
            turn.release();
            throw new NhiException(ReaderProtocol.noCard(slot), "no card in the " + slot + " slot of "
                    + c.readerName());
        }
        return new NhiComSession(slot, v.atr(), c.protocol(), turn::release);
    }

    @Override
    public void addListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }

    private void forward(ReaderEvent event) {
        listeners.tell(l -> l.readerEvent(event), e -> LOG.warn("A reader event listener failed: {}", e.toString()));
    }

    // --- DedicatedReader -------------------------------------------------------------------------------

    @Override
    public int verifyPinOnKeypad(Slot slot, Duration timeout, int minDigits, int maxDigits) throws NhiException {
        if (slot == null || timeout == null) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "slot and timeout are required");
        }
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        if (seconds > 120) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "keypad entry takes at most 120 s");
        }
        return line().pinEntry(slot, (int) seconds, minDigits, maxDigits);
    }

    @Override
    public void openCom(int n, Duration wait) throws NhiException {
        String legacy;
        try {
            legacy = PortNames.fromCsOpenCom(n);
        } catch (IllegalArgumentException e) {
            throw new NhiException(ResultCode.BAD_PARAMETER, e.getMessage());
        }
        LineSettings now = lineSettings(config, settings);
        String port = PortNames.resolve(legacy, null, System.getProperty("os.name", ""));
        watcher.configure(new LineSettings(port, now.baudRate(), now.responseTimeoutMillis(), now.retries(),
                now.pollMillis(), now.reconnectMillis()));
        long end = System.nanoTime() + Math.max(0, wait.toMillis()) * 1_000_000L;
        while (!(watcher.connection() != null && port.equals(watcher.port()))) {
            if (System.nanoTime() > end) {
                throw new NhiException(ResultCode.READER_PORT_OPEN_FAILED, legacy + " (" + port + "): "
                        + watcher.status().reason());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NhiException(ResultCode.READER_PORT_OPEN_FAILED, "interrupted while opening " + legacy);
            }
        }
    }

    @Override
    public LocalDateTime clock() throws NhiException {
        return line().clock();
    }

    @Override
    public void setClock(LocalDateTime time) throws NhiException {
        line().setClock(time);
    }

    private ReaderProtocol line() throws NhiException {
        ReaderWatcher.Connection c = watcher.connection();
        if (c == null) {
            throw new NhiException(watcher.offlineCode(), watcher.status().reason());
        }
        return c.protocol();
    }
}
