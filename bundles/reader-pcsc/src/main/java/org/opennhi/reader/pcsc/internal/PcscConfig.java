// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.pcsc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI chip reader plugin (PC/SC)",
        description = "How the PC/SC plugin watches readers and talks to cards. Applied live.")
@interface PcscConfig {
    String PID = "opennhi.reader.pcsc";

    @AttributeDefinition(name = "Watch interval (ms)", min = "20", description = "Longest time between two looks"
            + " at the readers; card changes usually arrive sooner through PC/SC change events.")
    long watchMillis() default 200;

    @AttributeDefinition(name = "Protocol", description = "Protocol to connect with: * (any), T=0 or T=1.")
    String protocol() default "*";

    @AttributeDefinition(name = "Answer timeout (ms)", min = "100", description = "How long a command may wait"
            + " for the card's answer before the caller gets 4000. Real cards answer in milliseconds; signing on a"
            + " SAM takes longer.")
    long answerTimeoutMillis() default 15_000;

    @AttributeDefinition(name = "Rescan automatically", description = "When a slot is not mapped to a reader, find"
            + " it from the cards inserted (as the official console's first start does).")
    boolean autoRescan() default true;
}
