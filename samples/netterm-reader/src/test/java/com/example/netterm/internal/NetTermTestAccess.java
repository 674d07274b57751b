// SPDX-License-Identifier: Apache-2.0
package com.example.netterm.internal;

import java.lang.annotation.Annotation;

import org.opennhi.contracts.reader.ReaderPlugin;

/** Starts the plugin outside a framework, as the component runtime would, with the given terminal address. */
public final class NetTermTestAccess {
    private NetTermTestAccess() {
    }

    public static ReaderPlugin start(String host, int port) {
        return new NetTermReaderPlugin(new NetTermConfig() {
            @Override public Class<? extends Annotation> annotationType() { return NetTermConfig.class; }
            @Override public String host() { return host; }
            @Override public int port() { return port; }
            @Override public long responseTimeoutMillis() { return 1_000; }
            @Override public long pollMillis() { return 50; }
            @Override public long connectTimeoutMillis() { return 300; }
        });
    }

    public static void stop(ReaderPlugin plugin) {
        ((NetTermReaderPlugin) plugin).deactivate();
    }
}
