// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cloud SAM plugin (雲端安全模組)",
        description = "Where the IDC is, what to trust and how long to wait. Applied live.")
@interface CloudSamConfig {
    String PID = "opennhi.sam.cloud";

    @AttributeDefinition(name = "IDC base URL", description = "HTTPS base URL of the IDC, e.g."
            + " https://127.0.0.1:8443 for a standalone IDC simulator.")
    String idcUrl() default "https://127.0.0.1:8443";

    @AttributeDefinition(name = "IDC CA file", description = "PEM file of the CA the IDC's TLS certificate and the"
            + " SAM files are signed by (the simulator's <data>/tls/ca.pem). It is the only trust anchor. Empty:"
            + " <home>/INI/idc-ca.pem.")
    String caFile() default "";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "100", description = "How long to wait for a"
            + " connection to the IDC before answering 4061.")
    long connectTimeoutMillis() default 3_000;

    @AttributeDefinition(name = "Answer timeout (ms)", min = "100", description = "How long to wait for each IDC"
            + " answer once connected before answering 4061. SAM authentication makes two requests.")
    long answerTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Re-authentication interval (minutes)", min = "0", description = "Authenticate"
            + " again this often while authenticated, before the IDC's 24-hour session ends; 0: only when the"
            + " session has ended.")
    long reauthenticateMinutes() default 720;

    @AttributeDefinition(name = "Authenticate on start", description = "Authenticate with the IDC in the"
            + " background when the plugin starts or its settings change, as the official console does.")
    boolean authenticateOnStart() default true;
}
