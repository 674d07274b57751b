// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the cloud SAM needs to know, resolved from the configuration and the platform settings.
 *
 * @param samFolder {@code <home>/SAM/<port>}
 * @param iniFolder {@code <home>/INI}, where the machine id is kept
 * @param idcUrl the IDC's HTTPS base URL
 * @param caFile the IDC's CA certificate (PEM): the only TLS trust anchor and the SAM files' signer
 * @param connectTimeout bound on connecting to the IDC
 * @param answerTimeout bound on each IDC answer
 */
record CloudSamSettings(Path samFolder, Path iniFolder, URI idcUrl, Path caFile, Duration connectTimeout,
        Duration answerTimeout) {

    CloudSamSettings {
        Objects.requireNonNull(samFolder, "samFolder");
        Objects.requireNonNull(iniFolder, "iniFolder");
        Objects.requireNonNull(idcUrl, "idcUrl");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
    }
}
