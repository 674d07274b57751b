// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One API set seen through both doors: its native library (through the driver) and its HTTP facade
 * ({@code POST /<set>/<function>}) of the same platform, with the functions compared so far.
 */
final class NativeTwin implements AutoCloseable {
    final String set;
    final Path library;
    private final NativeDriver driver;
    private final DemoPlatform platform;
    private final Path pins;
    final Set<String> compared = new TreeSet<>();
    /** The functions compared at least once on a successful call (the others only by their error code). */
    final Set<String> succeeded = new TreeSet<>();
    int comparisons;

    private final Set<String> offered = new TreeSet<>();
    private final Set<String> exported;

    NativeTwin(String set, Path library, NativeDriver driver, DemoPlatform platform, Path pins) throws Exception {
        this.set = set;
        this.library = library;
        this.driver = driver;
        this.platform = platform;
        this.pins = pins;
        platform.json("GET", "/" + set + "/openapi.json", null).getAsJsonObject("paths").keySet()
                .forEach(p -> offered.add(p.substring(set.length() + 2)));
        exported = NativeDriver.exports(library);
    }

    /** @return whether the facade offers the function (GET /{set}/openapi.json lists it) */
    boolean offers(String function) {
        return offered.contains(function);
    }

    /** @return whether the library exports the function */
    boolean exports(String function) {
        return exported.contains(function);
    }

    Set<String> offered() {
        return offered;
    }

    Set<String> exported() {
        return exported;
    }

    /** The result of one call made both ways. */
    record Both(NativeDriver.Reply lib, JsonObject json) {
        byte[] libBuffer(int token) {
            return lib.bytes(token);
        }
    }

    NativeDriver.Reply lib(NativeCall c) throws IOException {
        return driver.call(c.function, c.tokens);
    }

    /** @return the HTTP answer's JSON, with its status as "httpStatus" */
    JsonObject http(NativeCall c) throws Exception {
        HttpResponse<String> r = platform.api("POST", "/" + set + "/" + c.function, c.body.toString());
        JsonObject json = JsonParser.parseString(r.body()).getAsJsonObject();
        json.addProperty("httpStatus", r.statusCode());
        return json;
    }

    /** Holds a library reply and an HTTP answer of the same card state against each other. */
    Both compare(NativeCall c, NativeDriver.Reply lib, JsonObject json) throws IOException {
        c.compare(lib, json, library.toRealPath().toString());
        compared.add(c.function);
        if (json.get("code").getAsInt() == 0) {
            succeeded.add(c.function);
        }
        comparisons++;
        return new Both(lib, json);
    }

    /** The call through the library, then through HTTP: for calls that leave the card as it was. */
    Both both(NativeCall c) throws Exception {
        NativeDriver.Reply lib = lib(c);
        return compare(c, lib, http(c));
    }

    /** @return the answer, after checking both ways answered {@code code} */
    Both both(NativeCall c, int code) throws Exception {
        Both b = both(c);
        assertEquals(c.function + ": " + b.lib().line(), code, b.lib().rc());
        return b;
    }

    /** @return the answer, after checking both ways answered an error */
    Both fails(NativeCall c) throws Exception {
        Both b = both(c);
        org.junit.Assert.assertNotEquals(c.function + " must fail: " + b.lib().line(), 0, b.lib().rc());
        return b;
    }

    /** What the PIN entry answers next (null: that prompt is cancelled), and the same PINs in the JSON. */
    NativeCall withPins(NativeCall c, String pin, String newPin, String puk) throws IOException {
        for (Map.Entry<String, String> e : Map.of("pin", nz(pin), "newpin", nz(newPin), "puk", nz(puk)).entrySet()) {
            Path f = pins.resolve(e.getKey());
            if (e.getValue().isEmpty()) {
                Files.deleteIfExists(f);
            } else {
                Files.writeString(f, e.getValue() + "\n");
            }
        }
        if (pin != null) {
            c.json("pin", pin);
        }
        if (newPin != null) {
            c.json("newPin", newPin);
        }
        if (puk != null) {
            c.json("puk", puk);
        }
        return c;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() throws Exception {
        driver.close();
    }
}
