// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opennhi.contracts.platform.Environment;

/**
 * The master key of one environment. Every card key of that environment derives from it, so a SAM (or the
 * IDC) holding the test master key can authenticate test cards only: a production card answers its
 * cryptogram with a failure, which counts towards the card's lock.
 *
 * <p>The simulated world publishes its master keys (see {@link #simulated(Environment)}); nothing here is
 * NHI's real key material, which is not public.
 */
public final class MasterKeys {
    /** Label of the derivation that produces the published simulated master keys. */
    static final String SIMULATED_LABEL = "OPENNHI SIM MASTER";

    private final Environment environment;
    private final byte[] key;

    private MasterKeys(Environment environment, byte[] key) {
        this.environment = Objects.requireNonNull(environment, "environment");
        if (key == null || key.length != Cmac.LENGTH) {
            throw new IllegalArgumentException("a master key is 16 bytes");
        }
        this.key = key.clone();
    }

    /**
     * The published master key of the simulated world:
     * {@code KDF(16 zero bytes, "OPENNHI SIM MASTER", environment name in ASCII)}.
     *
     * @param environment TEST or PRODUCTION
     * @return that environment's simulated master key
     */
    public static MasterKeys simulated(Environment environment) {
        byte[] k = Kdf.derive(new byte[Cmac.LENGTH], SIMULATED_LABEL,
                environment.name().getBytes(StandardCharsets.US_ASCII));
        return new MasterKeys(environment, k);
    }

    /**
     * A master key from elsewhere (a configuration, a test).
     *
     * @param environment the environment it serves
     * @param key 16 bytes
     * @return the master key
     */
    public static MasterKeys of(Environment environment, byte[] key) {
        return new MasterKeys(environment, key);
    }

    /** @return the environment this key serves */
    public Environment environment() {
        return environment;
    }

    /** @return a copy of the 16-byte key */
    public byte[] key() {
        return key.clone();
    }
}
