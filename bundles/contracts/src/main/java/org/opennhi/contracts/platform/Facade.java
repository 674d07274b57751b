// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

/**
 * Registered by each API facade (5.1.x, 3.5.x) so status pages can list which API sets are served and at
 * which version.
 */
public interface Facade {

    /** @return the API set, e.g. {@code v5} */
    String name();

    /** @return the version the facade reports through {@code csGetVersionEx}, e.g. {@code 5.1.5.8} */
    String version();
}
