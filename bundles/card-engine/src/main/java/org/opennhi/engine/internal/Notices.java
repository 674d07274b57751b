// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opennhi.contracts.platform.PlatformEvent;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.engine.CriticalIllnessExpiry;
import org.opennhi.engine.VisitReminder;
import org.opennhi.engine.VisitReminderListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a visit's notices go besides the HIS's answer (docs/card-engine.md, "Taking a visit"): visit-count reminders to
 * every {@link VisitReminderListener}, and both kinds to /events as a platform notice and to the log.
 */
final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
    private final List<VisitReminderListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PlatformEvents events;

    void events(PlatformEvents service) {
        this.events = service;
    }

    /** Unbinds the events service, unless another was bound since. */
    void eventsGone(PlatformEvents service) {
        if (this.events == service) {
            this.events = null;
        }
    }

    void add(VisitReminderListener l) {
        listeners.add(l);
    }

    void remove(VisitReminderListener l) {
        listeners.remove(l);
    }

    void remind(VisitReminder r) {
        LOG.info("Visit-count reminder: {} ({} visits this year, age {}{})", r, r.visitsThisYear(), r.age(),
                r.red() ? ", red" : "");
        notice(r.red() ? 1 : 0, "visitReminder " + r.visitsThisYear() + " visits, age " + r.age() + ": "
                + r.message());
        for (VisitReminderListener l : listeners) {
            try {
                l.visitReminder(r);
            } catch (RuntimeException e) {
                LOG.warn("A visit reminder listener failed", e);
            }
        }
    }

    void illnessesEnding(List<CriticalIllnessExpiry> ending) {
        for (CriticalIllnessExpiry e : ending) {
            LOG.info("Critical-illness expiry notice: {} ends {} ({} days)", e.code(), e.endDate(), e.daysLeft());
            notice(0, "criticalIllnessExpiry " + e.code() + " " + e.endDate() + ": " + e.message());
        }
    }

    /** Publishes a notice for /events, the watch overlay and the audit (never a name, id or full card number). */
    private void notice(int code, String detail) {
        PlatformEvents e = events;
        if (e != null) {
            try {
                e.publish(new PlatformEvent(PlatformEvent.Type.NOTICE, Optional.of(Slot.HC), code, detail,
                        Instant.now()));
            } catch (RuntimeException ex) {
                LOG.warn("A notice could not be published: {}", ex.toString());
            }
        }
    }
}
