// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One function of a facade's HTTP API: its manual number, input parameters, output buffer and how to call it
 * on the facade's Java API {@code A}. A facade may subclass it to fix {@code A} for its endpoint table.
 *
 * @param <A> the facade's Java API (e.g. the 5.1.x {@code CsHis})
 */
public class Endpoint<A> {
    private final String name;
    private final String number;
    private final String summary;
    private final List<Param> inputs;
    private final int bufferSize;
    private final List<Field> fields;
    private final Returns kind;
    private final Invocation<A> call;

    /**
     * @param name the manual's function name (the path {@code /<set>/<name>})
     * @param number the manual's number, e.g. {@code 1.1}
     * @param summary what it does
     * @param inputs the JSON body's parameters, named as in the manual
     * @param bufferSize the full answer's size in bytes, 0 without an output buffer, −n for n bytes per
     *        {@code iWriteCount}
     * @param fields how the buffer decodes
     * @param kind what its return value means
     * @param call the call on the facade
     */
    public Endpoint(String name, String number, String summary, List<Param> inputs, int bufferSize,
            List<Field> fields, Returns kind, Invocation<A> call) {
        this.name = Objects.requireNonNull(name);
        this.number = Objects.requireNonNull(number);
        this.summary = Objects.requireNonNull(summary);
        this.inputs = List.copyOf(inputs);
        this.bufferSize = bufferSize;
        this.fields = List.copyOf(fields);
        this.kind = Objects.requireNonNull(kind);
        this.call = Objects.requireNonNull(call);
    }

    public String name() {
        return name;
    }

    public String number() {
        return number;
    }

    public String summary() {
        return summary;
    }

    public List<Param> inputs() {
        return inputs;
    }

    public int bufferSize() {
        return bufferSize;
    }

    public List<Field> fields() {
        return fields;
    }

    public Returns kind() {
        return kind;
    }

    public Invocation<A> call() {
        return call;
    }

    /** What a function's int return is. */
    public enum Returns {
        /** A catalogue code (0 success). */
        CODE,
        /** A status value (0–9) unless it is a catalogue code of 1000 or more. */
        VALUE,
        /** The version code. */
        VERSION
    }

    /** A body parameter. */
    public record Param(String name, boolean integer, boolean required, String description) {
        public static Param text(String name, String description) {
            return new Param(name, false, true, description);
        }

        public static Param optionalText(String name, String description) {
            return new Param(name, false, false, description);
        }

        public static Param integer(String name, String description) {
            return new Param(name, true, true, description);
        }
    }

    /**
     * Calls the facade.
     *
     * @param <A> the facade's Java API
     */
    @FunctionalInterface
    public interface Invocation<A> {
        /**
         * @param api the facade, with the request's PINs as its PIN source
         * @param in the request body
         * @param buffer the output buffer (sized as the caller asked), or null
         * @param length its length cell
         * @param extra values the function returns besides its buffer (e.g. iWriteCount)
         * @return the function's int return
         */
        int call(A api, Request in, byte[] buffer, int[] length, Map<String, Object> extra) throws BadRequest;
    }

    /** A request the facade cannot be called with (missing or malformed parameter). */
    public static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }
}
