// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.store.OwnerOnly;
import org.opennhi.sim.idc.internal.store.Table;

/**
 * Uploads of visit data (3.1, 3.2) and their check reports (3.3). Content goes to {@code <data>/uploads/},
 * written in chunks with progress in the log; the record goes to the journal.
 */
public final class UploadService {
    private static final System.Logger LOG = System.getLogger(UploadService.class.getName());
    private static final DateTimeFormatter GREGORIAN = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int CHUNK = 256 * 1024;

    private final Table<UploadRecord> uploads;
    private final Path dir;
    private final Times times;
    private final SecureRandom random;

    /**
     * @param uploads upload records by server random
     * @param dir where contents are kept
     * @param times the clock
     * @param random server randoms
     */
    public UploadService(Table<UploadRecord> uploads, Path dir, Times times, SecureRandom random) {
        this.uploads = uploads;
        this.dir = dir;
        this.times = times;
        this.random = random;
    }

    /** Receives one upload. @throws IdcException 9070 when the content's size differs from the declared one */
    public UploadRecord receive(Session session, String fileName, long declaredSize, int recordCount,
            int prescriptionCount, byte[] content) {
        String started = GREGORIAN.format(times.now());
        if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw IdcException.badRequest("fileName must be 1-100 characters A-Z a-z 0-9 . _ -");
        }
        if (recordCount < 0 || prescriptionCount < 0) {
            throw IdcException.badRequest("counts must not be negative");
        }
        if (content.length != declaredSize) {
            throw new IdcException(422, ResultCode.UPLOAD_SIZE_MISMATCH,
                    "declared " + declaredSize + " bytes, received " + content.length);
        }
        byte[] r = new byte[65];
        random.nextBytes(r);
        String serverRandom = HexFormat.of().withUpperCase().formatHex(r);
        try {
            OwnerOnly.folder(dir);
            try (OutputStream out = Files.newOutputStream(OwnerOnly.file(dir.resolve(serverRandom + ".dat")))) {
                for (int off = 0; off < content.length; off += CHUNK) {
                    out.write(content, off, Math.min(CHUNK, content.length - off));
                    if (content.length > 4 * CHUNK) {
                        LOG.log(System.Logger.Level.INFO, "upload {0}: {1}/{2} bytes stored", fileName,
                                Math.min(off + CHUNK, content.length), content.length);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
        UploadRecord rec = new UploadRecord(serverRandom, session.samId(), session.hospitalId(), fileName,
                content.length, recordCount, prescriptionCount, started, GREGORIAN.format(times.now()), sha256(content));
        uploads.put(serverRandom, rec);
        return rec;
    }

    /**
     * The check report of an upload (健保卡就醫上傳檢核結果): records received, valid and invalid. Our check:
     * a record is one non-empty line of the content; records beyond the declared count, or missing ones,
     * are invalid.
     */
    public Map<String, Object> report(Session session, String serverRandom) {
        UploadRecord rec = uploads.get(serverRandom).orElseThrow(() -> IdcException.notFound(
                ResultCode.FUNCTION_NOT_AVAILABLE, "no upload with this serverRandom"));
        if (!rec.samId().equals(session.samId())) {
            throw new IdcException(403, ResultCode.INSUFFICIENT_CARD_PERMISSION, "the upload belongs to another SAM");
        }
        long lines;
        try {
            lines = new String(Files.readAllBytes(dir.resolve(serverRandom + ".dat")), StandardCharsets.UTF_8)
                    .lines().filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long valid = Math.min(lines, rec.recordCount());
        long invalid = Math.abs(lines - rec.recordCount());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("serverRandom", serverRandom);
        report.put("samId", rec.samId());
        report.put("hospitalId", rec.hospitalId());
        report.put("fileName", rec.fileName());
        report.put("uploadDateTime", rec.uploadDateTime());
        report.put("receiveDateTime", rec.receiveDateTime());
        report.put("receivedRecords", lines);
        report.put("validRecords", valid);
        report.put("invalidRecords", invalid);
        report.put("result", invalid == 0 ? "檢核無誤" : "有無效明細");
        return report;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
