package org.opennhi.sim.idc.internal.http;

/**
 * A non-JSON answer (a zip, PEM text, the HTML page).
 *
 * @param contentType the media type
 * @param body the bytes
 * @param fileName a download file name, or null
 */
public record Reply(String contentType, byte[] body, String fileName) {
}
