// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the IDC simulator.
 *
 * @param dataDir where it keeps its state: {@code db/} (journal and snapshot), {@code tls/} (the CA),
 *        {@code uploads/}, {@code audit.jsonl}, {@code admin.token}
 * @param host the address to bind; loopback by default
 * @param port the TCP port; 0 picks a free one
 * @param clock the simulated clock
 * @param forceWrites force each journal write to the storage device (true unless a benchmark says otherwise)
 * @param unknownCardsInsured treat cards missing from the insurance register as insured (demo friendliness)
 *        rather than answering 9012
 * @param hourCheckMillis how often the hourly job looks at the clock (real time), e.g. 15000
 */
public record IdcOptions(Path dataDir, String host, int port, AdjustableClock clock, boolean forceWrites,
        boolean unknownCardsInsured, long hourCheckMillis) {

    /** Default port of a standalone IDC simulator. */
    public static final int DEFAULT_PORT = 8443;

    /** @throws NullPointerException when a required value is missing */
    public IdcOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
    }

    /** @return options for {@code dataDir}: 127.0.0.1, a free port, the system clock, durable writes */
    public static IdcOptions defaults(Path dataDir) {
        return new IdcOptions(dataDir, "127.0.0.1", 0, AdjustableClock.system(), true, true, 15_000);
    }

    /** @return a copy with another port */
    public IdcOptions withPort(int newPort) {
        return new IdcOptions(dataDir, host, newPort, clock, forceWrites, unknownCardsInsured, hourCheckMillis);
    }

    /** @return a copy with another clock */
    public IdcOptions withClock(AdjustableClock newClock) {
        return new IdcOptions(dataDir, host, port, newClock, forceWrites, unknownCardsInsured, hourCheckMillis);
    }

    /** @return a copy with another bind address */
    public IdcOptions withHost(String newHost) {
        return new IdcOptions(dataDir, newHost, port, clock, forceWrites, unknownCardsInsured, hourCheckMillis);
    }

    /** @return a copy with forced writes on or off */
    public IdcOptions withForceWrites(boolean force) {
        return new IdcOptions(dataDir, host, port, clock, force, unknownCardsInsured, hourCheckMillis);
    }
}
