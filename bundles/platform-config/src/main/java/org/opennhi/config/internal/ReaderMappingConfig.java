// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import org.opennhi.contracts.platform.ReaderMapping;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "NHI chip reader mapping",
        description = "Which PC/SC reader holds the health card and which the professional card"
                + " (ReaderCFG*.ini). Rescan writes it.")
@interface ReaderMappingConfig {

    @AttributeDefinition(name = "HC reader", required = false,
            description = "PC/SC name of the health card's reader (HC_ReaderName=).")
    String hcReaderName() default "";

    @AttributeDefinition(name = "HPC reader", required = false,
            description = "PC/SC name of the professional card's reader (HPC_ReaderName=).")
    String hpcReaderName() default "";
}
