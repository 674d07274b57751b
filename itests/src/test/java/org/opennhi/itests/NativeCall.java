// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One call described once and made twice: as driver tokens for the C library, and as the JSON body of
 * {@code POST /v5/<function>} (the facade's parameter names). {@link #compare} then holds the library's return
 * value, buffers, lengths and out values against the JSON answer.
 */
final class NativeCall {
    /** The ICD-10 read marker a HIS pre-fills the buffer with (manual 1.8, 1.33, 1.50). */
    static final String ICD10_MARKER = "[XXXXXXX]";

    private enum Kind { INPUT, BUFFER, AREA, SHORT, STRING, PATH }

    private record Param(Kind kind, String name, String lengthName, int initial) {
    }

    /** Bytes of the standard buffer that must not be compared, 1-based inclusive, and why. */
    private record Mask(int from, int to, String why) {
    }

    final String function;
    final List<String> tokens = new ArrayList<>();
    final JsonObject body = new JsonObject();
    private final List<Param> params = new ArrayList<>();
    private final List<Mask> masks = new ArrayList<>();

    private NativeCall(String function) {
        this.function = function;
    }

    static NativeCall of(String function) {
        return new NativeCall(function);
    }

    private NativeCall add(String token, Param p) {
        tokens.add(token);
        params.add(p);
        return this;
    }

    /** An input C string (bytes as ISO-8859-1, so Big5 passes unchanged). */
    NativeCall text(String name, String value) {
        body.addProperty(name, value);
        return add("s:" + NativeDriver.hex(value.getBytes(StandardCharsets.ISO_8859_1)), new Param(Kind.INPUT, name,
                null, 0));
    }

    NativeCall integer(String name, int value) {
        body.addProperty(name, value);
        return add("i:" + value, new Param(Kind.INPUT, name, null, 0));
    }

    /** The standard output buffer (item pBuffer, length iBufferLen) of {@code capacity} bytes. */
    NativeCall buffer(int capacity) {
        body.addProperty("iBufferLen", capacity);
        return add("b:" + capacity, new Param(Kind.BUFFER, "pBuffer", "iBufferLen", 0));
    }

    /** The standard buffer handed in starting with the ICD-10 marker: the JSON says icd10=Y. */
    NativeCall icd10Buffer(int capacity) {
        body.addProperty("icd10", "Y");
        body.addProperty("iBufferLen", capacity);
        String marker = NativeDriver.hex(ICD10_MARKER.getBytes(StandardCharsets.US_ASCII));
        return add("b:" + capacity + ":" + marker, new Param(Kind.BUFFER, "pBuffer", "iBufferLen", 0));
    }

    /** One of hisReadPrescription's four buffers: fields.{item}Base64 and fields.{lengthName}. */
    NativeCall area(String item, String lengthName, int capacity) {
        body.addProperty(lengthName, capacity);
        return add("b:" + capacity, new Param(Kind.AREA, item, lengthName, 0));
    }

    NativeCall outShort(String name) {
        return add("r:", new Param(Kind.SHORT, name, null, 0x5A5A));
    }

    NativeCall inoutShort(String name, int value) {
        body.addProperty(name, value);
        return add("h:" + value, new Param(Kind.SHORT, name, null, value));
    }

    NativeCall outString(String name, int size) {
        return add("o:" + size, new Param(Kind.STRING, name, null, 0));
    }

    NativeCall inoutString(String name, String value, int size) {
        body.addProperty(name, value);
        return add("io:" + size + ":" + NativeDriver.hex(value.getBytes(StandardCharsets.US_ASCII)),
                new Param(Kind.STRING, name, null, 0));
    }

    /** csGetVersionEx's pPath: the library writes its own path, the facade its location (by design). */
    NativeCall libraryPath(int size) {
        return add("o:" + size, new Param(Kind.PATH, "pPath", null, 0));
    }

    /** A JSON-only parameter: a PIN the library asks through NHI_PINENTRY instead. */
    NativeCall json(String name, String value) {
        body.addProperty(name, value);
        return this;
    }

    /** Leaves bytes from..to (1-based) of the standard buffer out of the comparison, for the reason given. */
    NativeCall ignore(int from, int to, String why) {
        masks.add(new Mask(from, to, why));
        return this;
    }

    /** @return the return value the JSON answer stands for: code, or fields.value of a status function */
    static int expectedReturn(JsonObject json) {
        int code = json.get("code").getAsInt();
        JsonObject f = fields(json);
        return code == 0 && f.has("value") ? f.get("value").getAsInt() : code;
    }

    static JsonObject fields(JsonObject json) {
        return json.has("fields") ? json.getAsJsonObject("fields") : new JsonObject();
    }

    /** Holds what the library did against the facade's JSON answer. */
    void compare(NativeDriver.Reply lib, JsonObject json, String libraryFile) {
        String where = function + " " + body + "\n  library: " + lib.line() + "\n  facade:  " + json;
        assertEquals("return value of " + where, expectedReturn(json), lib.rc());
        boolean ok = json.get("code").getAsInt() == 0;
        boolean wrote = json.has("bufferBase64"); // on success, and 5141's dates alone
        JsonObject f = fields(json);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            switch (p.kind()) {
                case INPUT -> {
                }
                case BUFFER -> buffer(lib, i, wrote, wrote ? json.get("bufferLen").getAsInt() : -1,
                        wrote ? Base64.getDecoder().decode(json.get("bufferBase64").getAsString()) : null, where);
                case AREA -> buffer(lib, i, ok, ok ? f.get(p.lengthName()).getAsInt() : -1,
                        ok ? Base64.getDecoder().decode(f.get(p.name() + "Base64").getAsString()) : null, where);
                case SHORT -> {
                    assertFalse("written past " + p.name() + ": " + where, lib.fields().get(i).contains("X"));
                    JsonElement v = f.get(p.name());
                    assertEquals(p.name() + " of " + where, v == null ? p.initial() : v.getAsInt(), lib.shortValue(i));
                }
                case STRING -> {
                    String flags = lib.flags(i);
                    assertFalse("written past " + p.name() + ": " + where, flags.contains("X"));
                    assertFalse(p.name() + " written without a NUL: " + where, flags.contains("C") && flags.contains("N"));
                    JsonElement v = f.get(p.name());
                    if (v == null) {
                        assertTrue(p.name() + " written though the facade answers none: " + where, flags.contains("U"));
                    } else {
                        assertEquals(p.name() + " of " + where, v.getAsString(),
                                new String(lib.string(i), StandardCharsets.ISO_8859_1));
                    }
                }
                case PATH -> {
                    assertFalse("written past pPath: " + where, lib.flags(i).matches(".*[XN].*"));
                    assertEquals("pPath is the loaded library's own path (manual 1.51): " + where, libraryFile,
                            new String(lib.string(i), StandardCharsets.UTF_8));
                }
            }
        }
    }

    private void buffer(NativeDriver.Reply lib, int token, boolean ok, int length, byte[] bytes, String where) {
        String flags = lib.flags(token);
        assertFalse("written past the buffer or its 16-bit length: " + where, flags.contains("X"));
        if (!ok) {
            // the facade answers no buffer: the caller's buffer and length must stay as they were (6018 too)
            assertTrue("buffer or length changed on an error: " + where, flags.contains("U"));
            return;
        }
        assertEquals("length of " + where, length, lib.length(token));
        assertFalse("written past the new length: " + where, flags.contains("T"));
        byte[] mine = lib.bytes(token);
        assertEquals("bytes of " + where, length, mine.length);
        for (int b = 0; b < length; b++) {
            if (!masked(b + 1) && mine[b] != bytes[b]) {
                throw new AssertionError("byte " + (b + 1) + " differs (library " + (mine[b] & 0xFF) + ", facade "
                        + (bytes[b] & 0xFF) + "): " + where);
            }
        }
    }

    private boolean masked(int position) {
        return masks.stream().anyMatch(m -> position >= m.from() && position <= m.to());
    }

    /** @return the reasons of the bytes left out, for the test's report */
    List<String> ignored() {
        return masks.stream().map(m -> m.from() + "-" + m.to() + " " + m.why()).toList();
    }
}
