// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The per-install client token in {@code INI/api-token}: 256 random bits, readable by the owner only. HIS
 * clients on this PC read it and send it as {@code Authorization: Bearer <token>}.
 */
final class TokenFile {
    static final String FILE_NAME = "api-token";
    private static final int MIN_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    TokenFile(Path iniFolder) {
        this.file = iniFolder.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /**
     * Reads the token, creating it when missing or unusable, and makes sure only the owner can read it.
     *
     * @return the token
     */
    synchronized String readOrCreate() throws IOException {
        Optional<String> token = read();
        return token.isPresent() ? token.get() : rotate();
    }

    /** @return the file's token, if the file holds a usable one; never creates it */
    synchronized Optional<String> read() throws IOException {
        if (Files.isRegularFile(file)) {
            restrictToOwner(file);
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (token.length() >= MIN_LENGTH && token.chars().allMatch(TokenFile::isTokenChar)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /**
     * Brings the file and the live token together, so there are never two: a file changed by someone (a new
     * token written in) is adopted; a file deleted or spoilt while running gets the live token back.
     *
     * @return the token to accept from now on
     */
    synchronized String reconcile(String live) throws IOException {
        Optional<String> onDisk = read();
        if (onDisk.isPresent()) {
            return onDisk.get();
        }
        write(live);
        return live;
    }

    /** Replaces the token with a new one; clients must read the file again. */
    synchronized String rotate() throws IOException {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        write(token);
        return token;
    }

    private void write(String token) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".api-token", ".tmp");
        try {
            // tighten before writing, so the secret never sits in a readable file
            restrictToOwner(tmp);
            Files.writeString(tmp, token + System.lineSeparator(), StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            if (!Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(path);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                            AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES,
                            AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.READ_ACL,
                            AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE))
                    .build()));
        }
    }

    static String describePermissions(Path path) throws IOException {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) : "owner-only ACL";
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
