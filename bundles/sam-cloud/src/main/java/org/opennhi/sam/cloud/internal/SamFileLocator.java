// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.idc.client.SamFile;

/**
 * Finds the one cloud SAM file of a SAM folder ({@code <home>/SAM/<port>}) and validates it as
 * {@code docs/idc-protocol.md} §3 defines: the folder must hold exactly one {@code *.SAM} file named
 * {@code <hospital id, 10 digits><SAM id, 12 digits>.SAM}, whose content parses, names the same ids and,
 * when the IDC's CA is known, carries that CA's signature.
 */
final class SamFileLocator {
    /** The official name: 10-digit hospital id then 12-digit SAM id. */
    private static final Pattern NAME = Pattern.compile("(\\d{10})(\\d{12})\\.SAM");

    /** The SAM folder's one file, read (bounded) but not yet validated. Holds the key: never log it. */
    record Candidate(Path path, byte[] content) {
        @Override
        public String toString() {
            return "Candidate[" + path.getFileName() + "]";
        }
    }

    private SamFileLocator() {
    }

    /** {@link #read} then {@link #validate} with the default time bound. */
    static LoadedSam locate(Path folder, Optional<PublicKey> issuer) throws NhiException {
        return validate(read(folder, BoundedRead.TIME_BOUND), issuer);
    }

    /**
     * Finds and reads the folder's one SAM file. Callers do this outside any lock: only a regular file of at most
     * {@link BoundedRead#MAX_SIZE} bytes is read, within {@code bound}.
     *
     * @param folder the SAM folder of the configured port
     * @param bound how long the read may take
     * @return the file's name and content
     * @throws NhiException 9200 when the folder is missing or holds no or several SAM files; 9201 when the file
     *         is misnamed, not a regular file (FIFO, device, socket, directory), too large, or does not read in time
     */
    static Candidate read(Path folder, java.time.Duration bound) throws NhiException {
        Path path = onlySamFile(folder);
        if (!NAME.matcher(path.getFileName().toString()).matches()) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE,
                    "the SAM file name is not <hospital id, 10 digits><SAM id, 12 digits>.SAM");
        }
        return new Candidate(path, BoundedRead.read(path, bound));
    }

    /**
     * @param candidate what {@link #read} found
     * @param issuer the IDC's CA key the file's signature must verify with; empty to skip that check (no CA
     *        configured yet: authentication checks the CA anyway)
     * @return the validated file
     * @throws NhiException 9201 when the file is corrupt, is not signed by the CA, or its name does not match its
     *         content
     */
    static LoadedSam validate(Candidate candidate, Optional<PublicKey> issuer) throws NhiException {
        Path path = candidate.path();
        var name = NAME.matcher(path.getFileName().toString());
        if (!name.matches()) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE,
                    "the SAM file name is not <hospital id, 10 digits><SAM id, 12 digits>.SAM");
        }
        SamFile file;
        try {
            file = SamFile.parse(candidate.content());
        } catch (IllegalArgumentException e) {
            // the parser's messages name fields, never values
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE, "corrupt SAM file: " + e.getMessage(), e);
        }
        if (!file.hospitalId().equals(name.group(1)) || !file.samId().equals(name.group(2))) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE,
                    "the SAM file's name does not match the ids inside it");
        }
        if (issuer.isPresent() && !file.verify(issuer.get())) {
            throw new NhiException(ResultCode.SAM_FILE_UNREADABLE,
                    "the SAM file's signature does not verify with the IDC's CA");
        }
        return new LoadedSam(path, file);
    }

    /** @return whether the folder holds at least one {@code .SAM} file (the SAM is "present") */
    static boolean anySamFile(Path folder) {
        try {
            return !samFiles(folder).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path onlySamFile(Path folder) throws NhiException {
        if (!Files.isDirectory(folder)) {
            throw new NhiException(ResultCode.SAM_FOLDER_INVALID, "the SAM folder " + folder + " does not exist");
        }
        List<Path> found;
        try {
            found = samFiles(folder);
        } catch (IOException e) {
            throw new NhiException(ResultCode.SAM_FOLDER_INVALID, "cannot list the SAM folder " + folder, e);
        }
        if (found.isEmpty()) {
            throw new NhiException(ResultCode.SAM_FOLDER_INVALID, "no SAM file in " + folder);
        }
        if (found.size() > 1) {
            throw new NhiException(ResultCode.SAM_FOLDER_INVALID,
                    found.size() + " SAM files in " + folder + ": exactly one is allowed");
        }
        return found.get(0);
    }

    /** Every entry whose name ends in .SAM in any case: a second file named .sam is still a second SAM file. */
    private static List<Path> samFiles(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (p.getFileName().toString().toUpperCase(Locale.ROOT).endsWith(SamFile.EXTENSION)) {
                    found.add(p);
                }
            }
        }
        return found;
    }
}
