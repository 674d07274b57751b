// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The folders of an NHI home, as the official installer creates them under {@code C:\NHI}. */
final class HomeLayout {
    static final String SAM = "SAM";
    static final String DEFAULT_SAM_PORT = "COMX1";
    static final List<String> FOLDERS = List.of(SAM + "/" + DEFAULT_SAM_PORT, "LIB", "BIN", "LOG", "INI", "sample",
            "UTILITY", "VPN");

    private HomeLayout() {
    }

    /**
     * Picks the home folder: an explicit setting wins, then the launcher's property, then {@code NHI_HOME},
     * then the platform default.
     */
    static Path choose(String configured, String launcherProperty, String environment, String osName,
            String userHome) {
        for (String candidate : new String[] {configured, launcherProperty, environment}) {
            if (candidate != null && !candidate.isBlank()) {
                return Path.of(candidate.trim()).toAbsolutePath().normalize();
            }
        }
        if (osName != null && osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            return Path.of("C:\\NHI");
        }
        return Path.of(userHome, "NHI").toAbsolutePath().normalize();
    }

    /**
     * Creates whatever folder of the layout is missing.
     *
     * @return the folders created now, empty when the layout was complete
     */
    static List<Path> create(Path root) throws IOException {
        List<Path> created = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                created.add(dir);
            }
        }
        return created;
    }
}
