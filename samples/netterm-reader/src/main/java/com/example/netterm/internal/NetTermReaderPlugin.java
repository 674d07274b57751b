// SPDX-License-Identifier: Apache-2.0
package com.example.netterm.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.platform.Listeners;
import org.opennhi.contracts.platform.Plugins;
import org.opennhi.contracts.reader.CardSession;
import org.opennhi.contracts.reader.ReaderEvent;
import org.opennhi.contracts.reader.ReaderEventListener;
import org.opennhi.contracts.reader.ReaderPlugin;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.ResponseApdu;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.osgi.annotation.bundle.Header;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The NetTerm terminal as a reader plugin (type {@code netterm}). One TCP connection carries one request at a
 * time; a poller thread keeps the slot states and tells listeners what changed. Whatever goes wrong on the
 * line (no answer, garbage, a dropped connection), the connection is thrown away and a fresh one opened, so a
 * late answer can never be taken for the next request's.
 */
@Component(service = ReaderPlugin.class, immediate = true, configurationPid = NetTermConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = ReaderPlugin.TYPE_PROPERTY + "=netterm")
@Designate(ocd = NetTermConfig.class)
@Header(name = Plugins.HEADER, value = "reader")
public final class NetTermReaderPlugin implements ReaderPlugin {
    /** The terminal's slot numbers. */
    private static final Slot[] SLOTS = {Slot.SAM, Slot.HC, Slot.HPC};

    private final Listeners<ReaderEventListener> listeners = new Listeners<>();
    private final Object line = new Object();
    private final Thread poller;
    private volatile NetTermConfig config;
    private volatile boolean running = true;
    private volatile ReaderStatus status = ReaderStatus.offline("connecting to the NetTerm terminal");
    private volatile Map<Slot, SlotState> slots;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    @Activate
    public NetTermReaderPlugin(NetTermConfig config) {
        this.config = config;
        this.slots = empty("connecting to the NetTerm terminal");
        poller = new Thread(this::pollLoop, "netterm-poller");
        poller.setDaemon(true);
        poller.start();
    }

    @Modified
    void modified(NetTermConfig changed) {
        config = changed;
        synchronized (line) {
            disconnect(); // the next poll connects to the new address
        }
    }

    @Deactivate
    void deactivate() {
        running = false;
        poller.interrupt();
        synchronized (line) {
            disconnect();
        }
    }

    @Override
    public ReaderStatus status() {
        return status;
    }

    @Override
    public SlotState slot(Slot slot) {
        return slots.get(slot);
    }

    @Override
    public void addListener(ReaderEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ReaderEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CardSession openSession(Slot slot, Duration wait) throws NhiException {
        if (status.availability() != org.opennhi.contracts.reader.Availability.ONLINE) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the NetTerm terminal cannot be reached: "
                    + status.reason());
        }
        SlotState s = slots.get(slot);
        if (!s.cardPresent()) {
            throw new NhiException(noCard(slot), "no card in the NetTerm's " + slot + " slot");
        }
        return new Session(slot, s.atr());
    }

    // --- the line ----------------------------------------------------------------------------------------

    private void pollLoop() {
        while (running) {
            try {
                Frame answer = exchange(new Frame('P', 0xFF, new byte[0]));
                if (answer.type() != 'S') {
                    throw new Frame.MalformedFrame("a poll answered with '" + answer.type() + "'");
                }
                update(parseStatus(answer.payload()));
            } catch (IOException e) {
                goOffline(e.getMessage() == null ? e.toString() : e.getMessage());
            }
            try {
                Thread.sleep(config.pollMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One request, one answer; any failure leaves no connection behind. */
    private Frame exchange(Frame request) throws IOException {
        synchronized (line) {
            try {
                if (socket == null) {
                    NetTermConfig c = config;
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(c.host(), c.port()), (int) c.connectTimeoutMillis());
                    s.setTcpNoDelay(true);
                    socket = s;
                    in = new DataInputStream(s.getInputStream());
                    out = s.getOutputStream();
                }
                socket.setSoTimeout((int) config.responseTimeoutMillis());
                request.write(out);
                return Frame.read(in);
            } catch (IOException | RuntimeException e) {
                disconnect();
                throw e;
            }
        }
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
            socket = null;
        }
    }

    private ResponseApdu transmit(Slot slot, byte[] command) throws NhiException {
        try {
            Frame answer = exchange(new Frame('X', slotNumber(slot), command));
            if (answer.type() == 'R' && answer.payload().length >= 2 && answer.slot() == slotNumber(slot)) {
                return new ResponseApdu(answer.payload());
            }
            if (answer.type() == 'E') {
                throw new NhiException(ResultCode.HC_IO_ERROR, "the NetTerm reported an error on " + slot);
            }
            synchronized (line) {
                disconnect(); // not the protocol: start afresh
            }
            throw new NhiException(ResultCode.HC_IO_ERROR, "the NetTerm answered '" + answer.type() + "' ("
                    + answer.payload().length + " bytes)");
        } catch (SocketTimeoutException e) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "the card in the NetTerm's " + slot
                    + " slot did not answer within " + config.responseTimeoutMillis() + " ms");
        } catch (Frame.MalformedFrame e) {
            throw new NhiException(ResultCode.HC_IO_ERROR, e.getMessage());
        } catch (IOException e) {
            throw new NhiException(ResultCode.NO_READER_OR_PCSC_ERROR, "the NetTerm terminal went away: " + e);
        }
    }

    // --- state -------------------------------------------------------------------------------------------

    private Map<Slot, SlotState> parseStatus(byte[] p) throws Frame.MalformedFrame {
        Map<Slot, SlotState> next = new EnumMap<>(Slot.class);
        int i = 0;
        for (Slot s : SLOTS) {
            if (i + 2 > p.length) {
                throw new Frame.MalformedFrame("short status");
            }
            boolean present = p[i] == 1;
            int atrLength = p[i + 1] & 0xFF;
            if (i + 2 + atrLength > p.length) {
                throw new Frame.MalformedFrame("status ATR past the end");
            }
            byte[] atr = Arrays.copyOfRange(p, i + 2, i + 2 + atrLength);
            next.put(s, new SlotState(s, readerName(s), ReaderStatus.online(), present, present ? atr : null));
            i += 2 + atrLength;
        }
        return next;
    }

    private void update(Map<Slot, SlotState> next) {
        Map<Slot, SlotState> before = slots;
        boolean wasOnline = status.availability() == org.opennhi.contracts.reader.Availability.ONLINE;
        slots = next;
        status = ReaderStatus.online();
        if (!wasOnline) {
            fire(ReaderEvent.Type.READER_ATTACHED, null);
        }
        for (Slot s : SLOTS) {
            boolean was = before.get(s).cardPresent();
            boolean is = next.get(s).cardPresent();
            if (!was && is) {
                fire(ReaderEvent.Type.CARD_INSERTED, s);
            } else if (was && !is) {
                fire(ReaderEvent.Type.CARD_REMOVED, s);
            } else if (is && !Arrays.equals(before.get(s).atr(), next.get(s).atr())) {
                fire(ReaderEvent.Type.CARD_REMOVED, s); // another card came in between two polls
                fire(ReaderEvent.Type.CARD_INSERTED, s);
            }
        }
    }

    private void goOffline(String reason) {
        Map<Slot, SlotState> before = slots;
        boolean wasOnline = status.availability() == org.opennhi.contracts.reader.Availability.ONLINE;
        String why = "the NetTerm terminal at " + config.host() + ":" + config.port() + " does not answer (" + reason
                + ")";
        status = ReaderStatus.offline(why);
        slots = empty(why);
        for (Slot s : SLOTS) {
            if (before.get(s).cardPresent()) {
                fire(ReaderEvent.Type.CARD_REMOVED, s);
            }
        }
        if (wasOnline) {
            fire(ReaderEvent.Type.READER_DETACHED, null);
        }
    }

    private Map<Slot, SlotState> empty(String why) {
        Map<Slot, SlotState> m = new EnumMap<>(Slot.class);
        for (Slot s : SLOTS) {
            m.put(s, new SlotState(s, readerName(s), ReaderStatus.offline(why), false, null));
        }
        return m;
    }

    private void fire(ReaderEvent.Type type, Slot slot) {
        ReaderEvent e = new ReaderEvent(type, slot, slot == null ? "NetTerm" : readerName(slot), Instant.now());
        listeners.tell(l -> l.readerEvent(e));
    }

    private String readerName(Slot s) {
        NetTermConfig c = config;
        return "NetTerm " + c.host() + ":" + c.port() + " " + s;
    }

    private static int slotNumber(Slot s) {
        return switch (s) {
            case SAM -> 0;
            case HC -> 1;
            case HPC -> 2;
        };
    }

    private static ResultCode noCard(Slot s) {
        return switch (s) {
            case SAM -> ResultCode.SAM_NOT_PRESENT;
            case HC -> ResultCode.HC_NOT_PRESENT;
            case HPC -> ResultCode.HPC_NOT_PRESENT;
        };
    }

    /** A session: the reader service already makes it exclusive per slot. */
    private final class Session implements CardSession {
        private final Slot slot;
        private final byte[] atr;
        private volatile boolean closed;

        Session(Slot slot, byte[] atr) {
            this.slot = slot;
            this.atr = atr;
        }

        @Override
        public Slot slot() {
            return slot;
        }

        @Override
        public byte[] atr() {
            return atr.clone();
        }

        @Override
        public ResponseApdu transmit(byte[] command) throws NhiException {
            if (closed) {
                throw new NhiException(ResultCode.READER_TIMEOUT, "the session is closed");
            }
            if (command == null || command.length < 4) {
                throw new NhiException(ResultCode.BAD_PARAMETER, "an APDU has at least CLA INS P1 P2");
            }
            return NetTermReaderPlugin.this.transmit(slot, command);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
