// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The IDC's data holds every SAM's authentication key, card records and the uploaded visit files: folders are
 * created {@code rwx------} and files {@code rw-------} (where the file system is POSIX), and files created by an
 * older version with wider modes are narrowed when opened.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Creates the folder (and missing parents) owner-only; narrows it when it already exists. */
    public static Path folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** @return the attributes a new file is created with (none where not POSIX) */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes sure the file exists owner-only before it is opened for writing (an existing one is narrowed). */
    public static Path file(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, fileAttributes());
        }
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }
}
