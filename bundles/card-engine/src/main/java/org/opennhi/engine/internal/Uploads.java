// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalInt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.engine.UploadReceipt;

/**
 * Uploads of visit data to the IDC and the download of their check reports (3.1–3.3), through the SAM's IDC
 * session ({@link SamService#callIdc}, routes of docs/idc-protocol.md §11). The file is checked (there, readable,
 * the size the HIS declared) before anything is sent, and only a regular file inside the upload folder is sent
 * (6017 otherwise): a HIS's file name must not make the platform send whatever it can read, such as
 * {@code /etc/shadow}, to the IDC. The folder is {@code <home>/UPLOAD} unless configured (docs/card-engine.md).
 */
final class Uploads {
    /** The IDC takes bodies up to 48 MiB; base64 makes 4 bytes of 3. */
    static final long MAX_FILE = 36L * 1024 * 1024;
    private static final int SERVER_RANDOM_LENGTH = 130;

    /** System property naming the upload folder when the engine's configuration (uploadFolder) does not. */
    static final String UPLOAD_FOLDER_PROPERTY = "opennhi.uploadFolder";
    /** The folder under the NHI home uploads are taken from by default. */
    static final String UPLOAD_SUBFOLDER = "UPLOAD";

    private final SamService sam;
    private volatile Path downloads;
    /** Null: {@link #uploadFolder()} resolves the default. */
    private volatile Path uploadFolder;

    Uploads(SamService sam, Path downloads) {
        this.sam = Objects.requireNonNull(sam, "sam");
        this.downloads = Objects.requireNonNull(downloads, "downloads");
    }

    void downloads(Path folder) {
        downloads = Objects.requireNonNull(folder, "folder");
    }

    /** @param folder the only folder files are uploaded from; null for the default */
    void uploadFolder(Path folder) {
        uploadFolder = folder;
    }

    /**
     * @return the configured folder, else {@value #UPLOAD_FOLDER_PROPERTY}, else {@code UPLOAD} in the home the
     *         launcher names ({@code opennhi.home}, {@code NHI_HOME}), else {@code <java.io.tmpdir>/opennhi/upload}
     */
    Path uploadFolder() {
        Path configured = uploadFolder;
        if (configured != null) {
            return configured;
        }
        String named = System.getProperty(UPLOAD_FOLDER_PROPERTY, "");
        if (!named.isBlank()) {
            return Path.of(named);
        }
        for (String home : new String[] {System.getProperty("opennhi.home"), System.getenv("NHI_HOME")}) {
            if (home != null && !home.isBlank()) {
                return Path.of(home.trim(), UPLOAD_SUBFOLDER);
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "opennhi", "upload");
    }

    /**
     * @return the file's real path (links resolved) when it is a regular file inside the upload folder
     * @throws NhiException 6017 otherwise, naming the folder but never the file's content
     */
    private Path insideUploadFolder(Path file) throws NhiException {
        Path folder = uploadFolder();
        try {
            Files.createDirectories(folder);
            Path realFolder = folder.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realFolder) || real.equals(realFolder)) {
                throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "only files in the upload folder " + realFolder
                        + " are uploaded");
            }
            if (!Files.isRegularFile(real, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(real)) {
                throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "the upload file is not a readable regular"
                        + " file");
            }
            return real;
        } catch (IOException e) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "the upload file is not there or not readable", e);
        }
    }

    UploadReceipt upload(SamIdentity id, Path file, long declaredSize, int records, OptionalInt prescriptions)
            throws NhiException {
        if (declaredSize < 0 || records < 0 || prescriptions.orElse(0) < 0) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "sizes and counts are not negative");
        }
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "the upload file is not there or not readable");
        }
        Path real = insideUploadFolder(file);
        byte[] content;
        try {
            long size = Files.size(real);
            if (size > MAX_FILE) {
                throw new NhiException(ResultCode.OUT_OF_MEMORY, "the upload file is over " + MAX_FILE + " bytes");
            }
            if (size != declaredSize) {
                throw new NhiException(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, "the file has " + size
                        + " bytes, not " + declaredSize);
            }
            try (java.io.InputStream in = Files.newInputStream(real)) {
                content = in.readNBytes((int) MAX_FILE + 1); // never more than the bound, even if it grows
            }
            if (content.length != declaredSize) {
                throw new NhiException(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, "the file changed while read");
            }
        } catch (IOException e) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "the upload file cannot be read", e);
        }
        JsonObject body = new JsonObject();
        body.addProperty("fileName", idcFileName(file));
        body.addProperty("fileSize", content.length);
        body.addProperty("recordCount", records);
        prescriptions.ifPresent(n -> body.addProperty("prescriptionCount", n));
        body.addProperty("data", Base64.getEncoder().encodeToString(content));
        JsonObject reply = call("/v1/uploads", body);
        UploadReceipt receipt = new UploadReceipt(text(reply, "samId"), text(reply, "hospitalId"),
                text(reply, "uploadDateTime"), text(reply, "receiveDateTime"), text(reply, "serverRandom"),
                reply.has("size") ? reply.get("size").getAsLong() : content.length,
                reply.has("recordCount") ? reply.get("recordCount").getAsInt() : records);
        if (!receipt.hospitalId().equals(id.hospitalId()) || receipt.serverRandom().length() != SERVER_RANDOM_LENGTH) {
            throw new NhiException(ResultCode.IDC_SIGNATURE_CHECK_FAILED, "the IDC's receipt is not for this "
                    + "institution");
        }
        return receipt;
    }

    /**
     * 3.3: the check report of an earlier upload, saved as a file.
     *
     * @return where the report was saved
     */
    Path downloadReport(SamIdentity id, String samId, String hospitalId, int records, String sendDateTime,
            String receiveDateTime, String serverRandom) throws NhiException {
        if (!id.samId().equals(samId) || !id.hospitalId().equals(hospitalId)) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "pSAMID / pHospID are not this SAM's");
        }
        if (records < 0 || !sendDateTime.matches("\\d{14}") || !receiveDateTime.matches("\\d{14}")
                || !serverRandom.matches("[0-9A-Fa-f]{" + SERVER_RANDOM_LENGTH + "}")) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "dates are yyyyMMddHHmmss, pServerRandom 130 characters");
        }
        JsonObject body = new JsonObject();
        body.addProperty("serverRandom", serverRandom.toUpperCase());
        JsonObject report = call("/v1/uploads/report", body);
        if (!sendDateTime.equals(text(report, "uploadDateTime"))
                || !receiveDateTime.equals(text(report, "receiveDateTime"))) {
            throw new NhiException(ResultCode.BAD_PARAMETER, "the dates are not those of that upload");
        }
        Path folder = downloads;
        Path target = folder.resolve(hospitalId + "_" + sendDateTime + "_report.json");
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "report", ".tmp");
            Files.writeString(tmp, report.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new NhiException(ResultCode.FILE_ACCESS_DENIED, "the report cannot be saved in " + folder, e);
        }
        return target.toAbsolutePath();
    }

    private JsonObject call(String route, JsonObject body) throws NhiException {
        String answer = sam.callIdc(route, body.toString());
        try {
            JsonElement e = JsonParser.parseString(answer);
            if (!e.isJsonObject()) {
                throw new NhiException(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, route + ": not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new NhiException(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, route + ": not JSON", e);
        }
    }

    private static String text(JsonObject o, String name) throws NhiException {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new NhiException(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, "the IDC's answer lacks " + name);
        }
        return e.getAsString();
    }

    /** The IDC takes {@code A-Z a-z 0-9 . _ -}: anything else in the HIS's file name becomes {@code _}. */
    static String idcFileName(Path file) {
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return name.length() > 100 ? name.substring(name.length() - 100) : name.isEmpty() ? "upload" : name;
    }
}
