// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The simulator's database: named tables of JSON values, kept in memory and made durable by an append-only
 * journal ({@code journal.jsonl}, one change per line, forced to disk before the change is acknowledged)
 * plus a snapshot ({@code snapshot.json}) written when the journal is compacted at start-up.
 *
 * <p>Why not an SQL engine: the data is small (institutions, SAMs, applications, ids), every access is by key,
 * and a journal of JSON lines needs no extra bundle, can be read with a text editor and survives a crash in
 * the middle of a write (a torn last line is dropped on replay).
 */
public final class Journal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final String JOURNAL = "journal.jsonl";
    private static final String SNAPSHOT = "snapshot.json";

    private final Path dir;
    private final Gson gson = new Gson();
    private final Map<String, Map<String, JsonElement>> tables = new ConcurrentHashMap<>();
    private final boolean force;
    private FileChannel channel;

    /**
     * Opens (or creates) the journal in {@code dir}, replays it and compacts it.
     *
     * @param dir the data folder
     * @param force whether each change is forced to the storage device before it is acknowledged
     */
    public Journal(Path dir, boolean force) {
        this.dir = dir;
        this.force = force;
        try {
            OwnerOnly.folder(dir);
            loadSnapshot();
            int replayed = replay();
            compact();
            LOG.log(System.Logger.Level.INFO, "journal opened in {0}: {1} changes replayed", dir, replayed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + dir, e);
        }
    }

    /** Stores {@code value} under {@code key} in {@code table}, durably. */
    public synchronized void put(String table, String key, Object value) {
        JsonElement json = gson.toJsonTree(value);
        JsonObject change = new JsonObject();
        change.addProperty("t", table);
        change.addProperty("k", key);
        change.add("v", json);
        append(change);
        tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(key, json);
    }

    /** Removes {@code key} from {@code table}, durably. */
    public synchronized void remove(String table, String key) {
        JsonObject change = new JsonObject();
        change.addProperty("t", table);
        change.addProperty("k", key);
        change.addProperty("d", true);
        append(change);
        Map<String, JsonElement> t = tables.get(table);
        if (t != null) {
            t.remove(key);
        }
    }

    /** @return the value under {@code key}, or null */
    public <T> T get(String table, String key, Class<T> type) {
        Map<String, JsonElement> t = tables.get(table);
        JsonElement json = t == null ? null : t.get(key);
        return json == null ? null : gson.fromJson(json, type);
    }

    /** Calls {@code each} for every entry of {@code table}. */
    public <T> void forEach(String table, Class<T> type, BiConsumer<String, T> each) {
        Map<String, JsonElement> t = tables.get(table);
        if (t != null) {
            t.forEach((k, v) -> each.accept(k, gson.fromJson(v, type)));
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (channel != null) {
                channel.force(true);
                channel.close();
                channel = null;
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the journal failed: {0}", e.toString());
        }
    }

    private void append(JsonObject change) {
        if (channel == null) {
            throw new IllegalStateException("the journal is closed");
        }
        byte[] line = (gson.toJson(change) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal", e);
        }
    }

    private void loadSnapshot() throws IOException {
        Path snapshot = dir.resolve(SNAPSHOT);
        if (!Files.exists(snapshot)) {
            return;
        }
        JsonObject root = JsonParser.parseString(Files.readString(snapshot, StandardCharsets.UTF_8)).getAsJsonObject();
        for (Map.Entry<String, JsonElement> table : root.entrySet()) {
            Map<String, JsonElement> rows = new ConcurrentHashMap<>();
            table.getValue().getAsJsonObject().entrySet().forEach(e -> rows.put(e.getKey(), e.getValue()));
            tables.put(table.getKey(), rows);
        }
    }

    private int replay() throws IOException {
        Path journal = dir.resolve(JOURNAL);
        if (!Files.exists(journal)) {
            return 0;
        }
        int count = 0;
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    apply(JsonParser.parseString(line).getAsJsonObject());
                    count++;
                } catch (JsonParseException | IllegalStateException e) {
                    // Only the last line can be torn (a crash mid-write); it was never acknowledged.
                    LOG.log(System.Logger.Level.WARNING, "dropping an unreadable journal line after {0} changes", count);
                }
            }
        }
        return count;
    }

    private void apply(JsonObject change) {
        String table = change.get("t").getAsString();
        String key = change.get("k").getAsString();
        Map<String, JsonElement> t = tables.computeIfAbsent(table, x -> new ConcurrentHashMap<>());
        if (change.has("d")) {
            t.remove(key);
        } else {
            t.put(key, change.get("v"));
        }
    }

    /** Writes the whole state as a new snapshot (atomically) and starts an empty journal. */
    private void compact() throws IOException {
        JsonObject root = new JsonObject();
        Map<String, Map<String, JsonElement>> sorted = new LinkedHashMap<>(tables);
        sorted.forEach((name, rows) -> {
            JsonObject t = new JsonObject();
            rows.forEach(t::add);
            root.add(name, t);
        });
        Path tmp = OwnerOnly.file(dir.resolve(SNAPSHOT + ".tmp"));
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(gson.toJson(root).getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(OwnerOnly.file(dir.resolve(JOURNAL)), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.force(true);
    }
}
