// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import java.util.EnumMap;
import java.util.Map;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.card.crypto.KeyScheme;
import org.opennhi.card.crypto.MasterKeys;

/**
 * The master keys the IDC holds, one per environment (what a physical SAM of that environment holds), from
 * the card profile's key scheme. The simulated world's master keys are public.
 */
public final class Keyring {
    private final Map<Environment, KeyScheme> schemes = new EnumMap<>(Environment.class);

    /** A keyring with the simulated world's published master keys. */
    public Keyring() {
        for (Environment env : Environment.values()) {
            schemes.put(env, new KeyScheme(MasterKeys.simulated(env)));
        }
    }

    /** @return the key scheme of an environment */
    public KeyScheme scheme(Environment env) {
        return schemes.get(env);
    }
}
