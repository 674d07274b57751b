// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.util.List;

import org.opennhi.api.common.Field;
import org.opennhi.api.v5.CsHis;

/** One function of the /v5 HTTP API: the shared endpoint shape over {@link CsHis}. */
final class Endpoint extends org.opennhi.api.common.Endpoint<CsHis> {

    Endpoint(String name, String number, String summary, List<Param> inputs, int bufferSize, List<Field> fields,
            Returns kind, Invocation<CsHis> call) {
        super(name, number, summary, inputs, bufferSize, fields, kind, call);
    }
}
