// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The binary call format the native libraries speak (docs/native.md "Wire format"): the same request and
 * answer as the JSON of {@code POST /<set>/<function>}, without a JSON parser on the C side.
 *
 * <p>A request is a sequence of items; an answer is the function's int return (little-endian) followed by
 * items. An item is {@code u8 nameLength, name (ASCII), u8 type, value} where type {@code 'i'} is an int32 LE
 * and {@code 'b'} is {@code u16 LE length} and that many bytes. Request text is read as ISO-8859-1, so every
 * byte the HIS passed reaches the facade unchanged.
 */
public final class CallWire {
    /** The media type of both directions. */
    public static final String MEDIA_TYPE = "application/vnd.opennhi.call";

    private static final int MAX_VALUE = 0xFFFF;

    private CallWire() {
    }

    /** Thrown for a body that is not a well-formed item sequence. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** @return the request items as the JSON body the facade endpoints read */
    public static JsonObject decodeRequest(byte[] body) throws Malformed {
        JsonObject o = new JsonObject();
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            String name = name(in);
            int type = u8(in);
            if (type == 'i') {
                need(in, 4);
                o.add(name, new JsonPrimitive(in.getInt()));
            } else if (type == 'b') {
                need(in, 2);
                int n = Short.toUnsignedInt(in.getShort());
                need(in, n);
                byte[] v = new byte[n];
                in.get(v);
                o.addProperty(name, new String(v, StandardCharsets.ISO_8859_1));
            } else {
                throw new Malformed("item " + name + " has an unknown type " + type);
            }
        }
        return o;
    }

    private static String name(ByteBuffer in) throws Malformed {
        int n = u8(in);
        if (n == 0) {
            throw new Malformed("an item without a name");
        }
        need(in, n);
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static int u8(ByteBuffer in) throws Malformed {
        need(in, 1);
        return Byte.toUnsignedInt(in.get());
    }

    private static void need(ByteBuffer in, int n) throws Malformed {
        if (in.remaining() < n) {
            throw new Malformed("the body ends inside an item");
        }
    }

    /** Builds an answer: the return value, then items. */
    public static final class Answer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        public Answer(int returnValue) {
            int32(returnValue);
        }

        public Answer integer(String name, int value) {
            name(name);
            out.write('i');
            int32(value);
            return this;
        }

        public Answer bytes(String name, byte[] value, int length) {
            int n = Math.min(Math.min(length, value.length), MAX_VALUE);
            name(name);
            out.write('b');
            out.write(n & 0xFF);
            out.write(n >>> 8);
            out.write(value, 0, n);
            return this;
        }

        public Answer text(String name, String value) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            return bytes(name, b, b.length);
        }

        /** Adds a facade's extra values: numbers as ints, byte arrays and strings as bytes; decodings are left out. */
        public Answer extras(Map<String, Object> extra) {
            extra.forEach((k, v) -> {
                if (v instanceof Integer || v instanceof Short || v instanceof Long) {
                    integer(k, ((Number) v).intValue());
                } else if (v instanceof byte[] b) {
                    bytes(k, b, b.length);
                } else if (v instanceof String s) {
                    text(k, s);
                }
            });
            return this;
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }

        private void name(String name) {
            byte[] b = name.getBytes(StandardCharsets.US_ASCII);
            out.write(b.length);
            out.write(b, 0, b.length);
        }

        private void int32(int v) {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
            out.write((v >>> 16) & 0xFF);
            out.write(v >>> 24);
        }
    }
}
