// SPDX-License-Identifier: Apache-2.0
package org.opennhi.nativelink.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code INI/cshis.ini}: what the native libraries need to find the running platform and, when it is not
 * running, to start it (docs/native.md). It holds no secret (the token stays in {@code INI/api-token}).
 */
record LinkFile(String host, int port, boolean openConsoleOnCall, String launcher, boolean demo) {
    static final String NAME = "cshis.ini";

    /** @return the file's text, as the C side reads it: {@code [Section]}, {@code Key=Value}, ';' comments */
    String render() {
        return "; Written by the platform at each start and on every settings change: edits are overwritten.\n"
                + "; The native libraries in LIB/ (docs/native.md) read it to reach the local API.\n"
                + "[LocalAPI]\n"
                + "Host=" + host + "\n"
                + "Port=" + port + "\n"
                + "[Start]\n"
                + "; CSFSIM: a call made while the platform is down starts it with the launcher below\n"
                + "OpenConsoleOnCall=" + (openConsoleOnCall ? 1 : 0) + "\n"
                + "Launcher=" + launcher + "\n"
                + "Demo=" + (demo ? 1 : 0) + "\n";
    }

    /** Replaces the file in one step, so a library never reads half of it. */
    void writeTo(Path iniFolder) throws IOException {
        Files.createDirectories(iniFolder);
        Path target = iniFolder.resolve(NAME);
        Path temp = Files.createTempFile(iniFolder, NAME, ".tmp");
        try {
            Files.writeString(temp, render(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
