// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

/**
 * An answer given as bytes: a zip, PEM text, the HTML page, or JSON written by hand.
 *
 * @param contentType the media type
 * @param body the bytes
 * @param fileName a download file name, or null
 */
public record Reply(String contentType, byte[] body, String fileName) {
    /** The media type of every JSON answer. */
    public static final String JSON = "application/json; charset=utf-8";

    /** @return a JSON answer already written out (for hot routes that build their few fields by hand) */
    public static Reply json(CharSequence json) {
        return new Reply(JSON, json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }
}
