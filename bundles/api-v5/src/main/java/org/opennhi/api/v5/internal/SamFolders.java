// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v5.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.result.ResultCode;

/**
 * csOpenCom as 5.1.3 §1.31 describes it for the cloud SAM: port {@code n} names the SAM folder
 * {@code SAM\COMX<n+1>}; a folder that is missing, or holds no or more than one SAM file, answers 9200, and a good
 * one becomes the folder the SAM service uses (the setting {@code samPort}, as the legacy {@code [CS] COM=}). The
 * file's own problems (9201 unreadable, 9202 bound to another PC) come from csVerifySAMDC, which reads it. With a
 * physical SAM the folder plays no part.
 */
final class SamFolders {
    /** The highest port a folder name allows ({@code COMX99}). */
    private static final int LAST_PORT = 98;

    private final Function<String, Path> folderOf;
    private final PlatformSettings settings;
    private final Consumer<String> usePort;

    /**
     * @param folderOf the folder of a port name ({@code COMX1} → {@code <home>/SAM/COMX1})
     * @param settings the platform's settings in force
     * @param usePort makes a port name the SAM service's folder
     */
    SamFolders(Function<String, Path> folderOf, PlatformSettings settings, Consumer<String> usePort) {
        this.folderOf = folderOf;
        this.settings = settings;
        this.usePort = usePort;
    }

    int open(int comport) {
        if (comport < 0 || comport > LAST_PORT) {
            return ResultCode.SAM_FOLDER_INVALID.code();
        }
        if (!PlatformSettings.SAM_MODE_CLOUD.equals(settings.samMode())) {
            return 0;
        }
        String port = "COMX" + (comport + 1);
        if (samFiles(folderOf.apply(port)) != 1) {
            return ResultCode.SAM_FOLDER_INVALID.code();
        }
        if (!port.equals(settings.samPort())) {
            usePort.accept(port);
        }
        return 0;
    }

    /** @return how many regular files named {@code *.SAM} the folder holds; −1 when it is no readable folder */
    static int samFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return -1;
        }
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (p.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(".SAM") && Files.isRegularFile(p)) {
                    n++;
                }
            }
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return n;
    }
}
