// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.opennhi.contracts.platform.AuditContext;
import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.result.ResultCode;

/**
 * The one place a facade function call becomes an audit record (docs/card-engine.md, "Audit"): every facade's
 * {@code call} wrapper runs its body here. The outermost call on a thread makes the record from the thread's
 * {@link AuditContext} (transport set by {@link FacadeHttp}, cards and APDUs by the engine); nested calls add to
 * it. On the call path the record is only built and queued: the platform's writer thread formats and writes it.
 */
public final class CallAudit {
    /** No audit: for tests and callers without a platform. */
    public static final CallAudit NONE = new CallAudit("", Map.of(), () -> null);

    private final String facade;
    private final Map<String, String> numbers;
    private final Supplier<PlatformEvents> events;

    /**
     * @param facade the facade's name when no transport named one ({@code v5}, {@code v3}: a Java caller)
     * @param numbers the manual's number of each function
     * @param events where records go; may answer null (none installed)
     */
    public CallAudit(String facade, Map<String, String> numbers, Supplier<PlatformEvents> events) {
        this.facade = Objects.requireNonNull(facade, "facade");
        this.numbers = Map.copyOf(numbers);
        this.events = Objects.requireNonNull(events, "events");
    }

    /** @return each endpoint's manual number by function name */
    public static Map<String, String> numbers(Map<String, ? extends Endpoint<?>> endpoints) {
        Map<String, String> m = new HashMap<>();
        endpoints.forEach((name, e) -> m.put(name, e.number()));
        return m;
    }

    /** @return what {@link Outcome#of} answers; the outermost call on this thread is recorded */
    public int run(String function, Outcome.Body body) {
        AuditContext ctx = AuditContext.current();
        boolean outermost = ctx.enter();
        long start = System.nanoTime();
        int rc = ResultCode.FUNCTION_NOT_AVAILABLE.code(); // if an Error escapes Outcome
        try {
            rc = Outcome.of(function, body);
            return rc;
        } finally {
            if (outermost) {
                record(ctx, function, rc, (System.nanoTime() - start) / 1_000);
            }
            ctx.exit();
        }
    }

    private void record(AuditContext ctx, String function, int rc, long micros) {
        PlatformEvents sink = events.get();
        if (sink != null) {
            sink.record(new AuditRecord(Instant.now(), function, numbers.getOrDefault(function, ""),
                    ctx.facade(facade), ctx.caller("java"), ctx.slots(), ctx.maskedCard(), rc, micros, ctx.apdus(),
                    ctx.written()));
        }
    }
}
