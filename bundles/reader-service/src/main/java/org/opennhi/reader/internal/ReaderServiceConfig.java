// SPDX-License-Identifier: Apache-2.0
package org.opennhi.reader.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI reader service", description = "How callers share the cards. Applied live.")
@interface ReaderServiceConfig {
    String PID = "opennhi.reader.service";

    @AttributeDefinition(name = "Longest hold (ms)", min = "100", description = "A card session held longer than"
            + " this is ended so the next caller gets the card; its next command answers 4000.")
    long maxHoldMillis() default 30_000;
}
