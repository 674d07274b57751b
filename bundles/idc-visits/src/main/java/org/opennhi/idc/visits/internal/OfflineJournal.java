// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.visits.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.idc.IdcVisitService.OfflineTreatmentId;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The offline treatment ids not yet reconciled with the IDC, on disk, so that a restart or a crash loses none
 * (each issue is appended and forced to disk before the id is handed out). One JSON object per line:
 * {@code issued} with the id, the visit's ROC date-time and the patient's id number, or {@code settled} with
 * the id. The file holds id numbers, so it is readable by its owner only; it is compacted when nothing is
 * pending. Not thread-safe: the caller serialises.
 */
final class OfflineJournal {
    private final Path file;
    private final Map<String, OfflineTreatmentId> pending = new LinkedHashMap<>();

    /** Reads what a previous run left; a torn last line (a crash mid-write) is skipped. */
    OfflineJournal(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonObject o;
                try {
                    o = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    continue;
                }
                String id = o.has("treatmentId") ? o.get("treatmentId").getAsString() : null;
                if (id == null) {
                    continue;
                }
                if ("issued".equals(o.get("op").getAsString())) {
                    pending.put(id, new OfflineTreatmentId(id, o.get("visitDateTime").getAsString(),
                            o.get("idNumber").getAsString()));
                } else {
                    pending.remove(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return the ids still to reconcile, oldest first */
    List<OfflineTreatmentId> pending() {
        return new ArrayList<>(pending.values());
    }

    boolean contains(String treatmentId) {
        return pending.containsKey(treatmentId);
    }

    void issued(OfflineTreatmentId id) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("op", "issued");
        o.addProperty("treatmentId", id.treatmentId());
        o.addProperty("visitDateTime", id.visitDateTime());
        o.addProperty("idNumber", id.idNumber());
        append(o);
        pending.put(id.treatmentId(), id);
    }

    void settled(String treatmentId) throws IOException {
        if (pending.remove(treatmentId) == null) {
            return;
        }
        if (pending.isEmpty()) {
            compact();
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("op", "settled");
        o.addProperty("treatmentId", treatmentId);
        append(o);
    }

    private void append(JsonObject o) throws IOException {
        ensureFile();
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap((o + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private void compact() throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "offline", ".tmp");
        restrict(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void ensureFile() throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.createFile(file);
            restrict(file);
        }
    }

    private static void restrict(Path p) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
