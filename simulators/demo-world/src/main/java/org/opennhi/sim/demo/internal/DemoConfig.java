// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Open NHI demo world", description = "What demo mode (nhi-cs --demo) sets up")
@interface DemoConfig {
    String PID = "opennhi.demo";

    @AttributeDefinition(name = "Readers", description = "Where the virtual cards go: auto (pcscd's vpcd readers"
            + " when pcscd lists them, else the in-JVM simulated reader), vpcd, or sim",
            options = {@Option(value = "auto", label = "auto"), @Option(value = "vpcd", label = "pcscd + vpcd"),
                @Option(value = "sim", label = "in-JVM simulated reader")})
    String readers() default "auto";

    @AttributeDefinition(name = "Test institution", description = "Hospital id whose test cloud SAM is provisioned"
            + " (7777777777, 8888888888 or 9999999999)")
    String hospitalId() default "7777777777";

    @AttributeDefinition(name = "HC", description = "Fixture health card inserted at start; empty: none")
    String hc() default "900000000001";

    @AttributeDefinition(name = "HPC", description = "Fixture professional card inserted at start; empty: none")
    String hpc() default "900000001001";

    @AttributeDefinition(name = "Test kit", description = "NHI's test edition: a folder with the test kit's"
            + " bday.txt, cri.txt, treno.txt and treco.txt, which the HC above then holds; trecoW.txt and"
            + " trecoW1.txt are written there (docs/test-edition.md). The framework property opennhi.demo.testkit"
            + " (nhi-cs --test-kit) overrides it; empty: off")
    String testKit() default "";

    @AttributeDefinition(name = "vpcd port", description = "vpcd's port of 'Virtual PCD 00 00' (the next one is"
            + " '00 01'); the framework property opennhi.demo.vpcd.port overrides it")
    int vpcdPort() default 35963;

    @AttributeDefinition(name = "SAM wait (s)", min = "1", description = "How long to wait for the SAM to"
            + " authenticate before reporting the demo ready anyway")
    int samWaitSeconds() default 60;
}
