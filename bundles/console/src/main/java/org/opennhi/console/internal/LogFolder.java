// SPDX-License-Identifier: Apache-2.0
package org.opennhi.console.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The home's {@code LOG} folder as the console shows it: its files, and the last lines of one of them. */
final class LogFolder {
    private static final int LINES_MAX = 2000;

    private final Path folder;

    LogFolder(Path folder) {
        this.folder = folder;
    }

    /** @return the names of the files in the folder, sorted */
    List<String> files() throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
                ds.forEach(p -> {
                    if (Files.isRegularFile(p)) {
                        names.add(p.getFileName().toString());
                    }
                });
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * @param name a file of the folder (nothing outside it)
     * @param lines how many of the last lines, 1 to 2000
     */
    List<String> tail(String name, int lines) throws IOException {
        if (!files().contains(name)) {
            throw new IllegalArgumentException("no log file '" + name + "' in " + folder);
        }
        int n = Math.max(1, Math.min(lines, LINES_MAX));
        return LogTail.tail(folder.resolve(name), n); // from the end: never the whole file
    }
}
