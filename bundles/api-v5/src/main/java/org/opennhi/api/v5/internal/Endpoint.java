package org.opennhi.api.v5.internal;

import java.util.List;

import org.opennhi.api.v5.CsHis;

/**
 * One function of the HTTP API: its manual number, input parameters, output buffer and how to call it.
 *
 * @param name the manual's function name (the path {@code /v5/<name>})
 * @param number the manual's number, e.g. {@code 1.1}
 * @param summary what it does
 * @param inputs the JSON body's parameters, named as in the manual
 * @param bufferSize the full answer's size in bytes, 0 when the function has no output buffer
 * @param fields how the buffer decodes
 * @param kind what its return value means
 * @param call the call on the facade
 */
record Endpoint(String name, String number, String summary, List<Param> inputs, int bufferSize, List<Field> fields,
        Returns kind, Invocation call) {

    /** What a function's int return is. */
    enum Returns {
        /** A catalogue code (0 success). */
        CODE,
        /** A status value (0–9) unless it is a catalogue code of 1000 or more. */
        VALUE,
        /** The version code. */
        VERSION
    }

    /** A body parameter. */
    record Param(String name, boolean integer, boolean required, String description) {
        static Param text(String name, String description) {
            return new Param(name, false, true, description);
        }

        static Param optionalText(String name, String description) {
            return new Param(name, false, false, description);
        }

        static Param integer(String name, String description) {
            return new Param(name, true, true, description);
        }
    }

    /** Calls the facade. */
    @FunctionalInterface
    interface Invocation {
        /**
         * @param api the facade, with the request's PINs as its PIN source
         * @param in the request body
         * @param buffer the output buffer (sized as the caller asked), or null
         * @param length its length cell
         * @param extra values the function returns besides its buffer (e.g. iWriteCount)
         * @return the function's int return
         */
        int call(CsHis api, Request in, byte[] buffer, int[] length, java.util.Map<String, Object> extra)
                throws BadRequest;
    }

    /** A request the facade cannot be called with (missing or malformed parameter). */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
