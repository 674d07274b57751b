// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.nio.file.Path;
import java.util.Objects;

import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.idc.client.SamFile;

/**
 * A SAM file found and validated in the SAM folder.
 *
 * @param path where it lies
 * @param file its parsed content (holds the authentication key: never log it)
 */
record LoadedSam(Path path, SamFile file) {

    LoadedSam {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(file, "file");
    }

    /** @return who the SAM belongs to, from the file's content */
    SamIdentity identity() {
        return new SamIdentity(file.hospitalId(), file.hospitalName(), file.hospitalShortName(), file.samId());
    }

    @Override
    public String toString() {
        return "LoadedSam[" + path.getFileName() + "]"; // never the key
    }
}
