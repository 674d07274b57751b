// SPDX-License-Identifier: Apache-2.0
package com.example.netterm.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NetTerm card terminal", description = "Where the NetTerm terminal listens. Applied live.")
@interface NetTermConfig {
    String PID = "com.example.netterm";

    @AttributeDefinition(description = "Host name or address of the terminal")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the terminal", min = "1", max = "65535")
    int port() default 7790;

    @AttributeDefinition(description = "How long a card may take to answer before the call gives 4000 (ms)",
            min = "100")
    long responseTimeoutMillis() default 1_000;

    @AttributeDefinition(description = "How often the slots are polled (ms): insertions are seen this late",
            min = "20")
    long pollMillis() default 100;

    @AttributeDefinition(description = "How long to wait for the terminal to accept a connection (ms)", min = "50")
    long connectTimeoutMillis() default 500;
}
