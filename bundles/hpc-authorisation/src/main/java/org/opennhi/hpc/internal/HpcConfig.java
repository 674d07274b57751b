// SPDX-License-Identifier: Apache-2.0
package org.opennhi.hpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "HPC authorisation (醫師卡認證)", description = "How long HPC fast authentication"
        + " holds. Whether it is on is the platform setting hpcFastAuth (legacy HPCFASTAUTH). Applied live.")
@interface HpcConfig {
    String PID = "opennhi.hpc";

    @AttributeDefinition(name = "Fast authentication (hours)", min = "1", max = "24", description = "How long one"
            + " PIN verification authorises the HPC holder while fast authentication is on.")
    int fastAuthHours() default 8;
}
