// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.physical.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Physical SAM plugin (安全模組卡)",
        description = "The SAM card in the reader's SAM slot: where the IDC is, what to trust, how long to wait."
                + " Applied live.")
@interface PhysicalSamConfig {
    String PID = "opennhi.sam.physical";

    @AttributeDefinition(name = "IDC base URL", description = "HTTPS base URL of the IDC.")
    String idcUrl() default "https://127.0.0.1:8443";

    @AttributeDefinition(name = "IDC CA file", description = "PEM file of the CA the IDC's TLS certificate is"
            + " signed by; the only trust anchor. Empty: <home>/INI/idc-ca.pem.")
    String caFile() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "100", description = "How long to wait for a"
            + " connection to the IDC before answering 4061.")
    long connectTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Answer timeout (ms)", min = "100", description = "How long to wait for each IDC"
            + " answer once connected.")
    long answerTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "SAM slot wait (ms)", min = "0", description = "How long a SAM operation waits"
            + " for the SAM slot while another operation uses the card.")
    long samWaitMillis() default 5_000;

    @AttributeDefinition(name = "Authenticate on insertion", description = "Authenticate with the IDC in the"
            + " background when a SAM card is inserted or the plugin starts, as the official console does.")
    boolean authenticateOnInsert() default true;
}
