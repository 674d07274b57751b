// SPDX-License-Identifier: Apache-2.0
package org.opennhi.contracts.platform;

/**
 * How a plugin bundle makes itself known. A bundle with the manifest header {@value #HEADER} (value: the
 * plugin's kind, e.g. {@code reader} or {@code sam}) is listed in {@code /status} with its state, so a plugin
 * that cannot load (a missing package, a missing native library) is reported instead of silently absent.
 * With bnd: {@code @org.osgi.annotation.bundle.Header(name = Plugins.HEADER, value = "reader")} on a class.
 */
public final class Plugins {

    /** Manifest header naming the plugin's kind. */
    public static final String HEADER = "Opennhi-Plugin";

    private Plugins() {
    }
}
