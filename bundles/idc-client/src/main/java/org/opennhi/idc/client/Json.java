// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import com.google.gson.JsonObject;

/** Reading the IDC's answers: a missing or non-text field is a malformed answer. */
final class Json {
    private Json() {
    }

    /** @throws IllegalStateException when {@code name} is missing or not a text/number */
    static String string(JsonObject o, String name) {
        if (!o.has(name) || !o.get(name).isJsonPrimitive()) {
            throw new IllegalStateException("the IDC's answer lacks " + name);
        }
        return o.get(name).getAsString();
    }
}
