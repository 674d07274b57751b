// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;

/** Issues a new client token (the old one stops working at once; every browser session ends). */
public interface TokenRotation {
    /**
     * @param caller who asked, for the audit trail ({@code gogo}, {@code ctl}, {@code token}, {@code session})
     * @return where the new token is
     */
    String rotate(String caller) throws IOException;
}
