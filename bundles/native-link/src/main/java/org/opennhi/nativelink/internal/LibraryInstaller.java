// SPDX-License-Identifier: Apache-2.0
package org.opennhi.nativelink.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Copies the distribution's native libraries for this operating system into the home's {@code LIB} folder,
 * where HIS programs load them (the official layout: {@code C:\NHI\LIB\cshis.dll}). A library already there
 * with the same bytes is left alone; a changed one is replaced through a temporary file, so a HIS that loads
 * it meanwhile gets the old or the new one, never half of one.
 */
final class LibraryInstaller {
    private LibraryInstaller() {
    }

    /** @return the distribution's folders for this system and the LIB subfolder each goes to */
    static List<String[]> sources(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        List<String[]> out = new ArrayList<>();
        if (os.startsWith("windows")) {
            // most HIS are 32-bit processes: the PE32 DLLs in LIB itself, the 64-bit ones in LIB\x64
            out.add(new String[] {"windows-x86", ""});
            out.add(new String[] {"windows-x86_64", "x64"});
        } else if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            out.add(new String[] {"linux-x86_64", ""});
        }
        return out;
    }

    /**
     * @param nativeFolder the distribution's {@code native} folder
     * @param lib the home's LIB folder
     * @return the files installed or replaced now
     */
    static List<Path> install(Path nativeFolder, Path lib, String osName, String osArch) throws IOException {
        List<Path> changed = new ArrayList<>();
        for (String[] source : sources(osName, osArch)) {
            Path from = nativeFolder.resolve(source[0]);
            if (!Files.isDirectory(from)) {
                continue;
            }
            Path to = source[1].isEmpty() ? lib : lib.resolve(source[1]);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path target = to.resolve(f.getFileName().toString());
                    if (Files.isRegularFile(target) && Files.mismatch(f, target) == -1) {
                        continue;
                    }
                    Path temp = Files.createTempFile(to, f.getFileName().toString(), ".new");
                    try {
                        Files.copy(f, temp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                    changed.add(target);
                }
            }
        }
        return changed;
    }

    /**
     * On Linux, HIS programs written for NHI's Linux packages load {@code <home>/lib/cshis50.so}: a {@code lib}
     * link to {@code LIB} serves them where the file system tells the two apart.
     */
    static void linkLowerCaseLib(Path home) throws IOException {
        Path lower = home.resolve("lib");
        if (!Files.exists(lower, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(home.resolve("LIB")) && !Files.isSameFile(home.resolve("LIB"), home)) {
            Files.createSymbolicLink(lower, Path.of("LIB"));
        }
    }
}
