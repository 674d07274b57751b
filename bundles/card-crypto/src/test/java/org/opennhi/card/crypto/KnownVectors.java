// SPDX-License-Identifier: Apache-2.0
package org.opennhi.card.crypto;

/** Values pinned from the first implementation; docs/card-profile.md prints the same. */
final class KnownVectors {
    static final String TEST_MASTER = "919c9ea42c77f5036b74771a4fbd0c20";
    static final String PRODUCTION_MASTER = "8312017af2d4dcd7f022fa60c739704e";
    static final String HC_KEY = "cba437f9845ad5532c44f689c386038e";
    static final String HOST_CRYPTOGRAM = "c86722350f2906636fcb59cef26f7fbe";
    static final String CARD_CRYPTOGRAM = "61476ecb243ae5eed6a7f9c055cc7bde";
    static final String SESSION_KEY = "ff6862763b7c569421b0ff25a6d9c341";

    private KnownVectors() {
    }
}
