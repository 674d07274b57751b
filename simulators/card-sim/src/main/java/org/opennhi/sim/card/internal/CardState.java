// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.opennhi.card.crypto.CardKind;

/**
 * What a card remembers across power cycles: its data areas, PIN, PUK, counters and keys. Persisted by
 * {@link CardStore} after every change.
 */
public final class CardState {
    /** Failed mutual authentications that lock a card. */
    public static final int AUTH_FAILURE_LIMIT = 3;
    /** Wrong PIN presentations that block the PIN. */
    public static final int PIN_TRIES = 3;

    private final CardKind kind;
    private final String number;
    private final byte[] cardKey;
    private final Map<Integer, byte[]> areas = new TreeMap<>();
    private byte[] masterKey;
    private byte[] signingKey;
    private String pin;
    private boolean pinEnabled;
    private int pinTries = PIN_TRIES;
    private String puk;
    private int authFailures;

    public CardState(CardKind kind, String number, byte[] cardKey) {
        this.kind = kind;
        this.number = number;
        this.cardKey = cardKey.clone();
        Layouts.of(kind).values().forEach(a -> {
            byte[] blank = new byte[a.size()];
            Arrays.fill(blank, (byte) ' ');
            areas.put(a.id(), blank);
        });
    }

    public CardKind kind() {
        return kind;
    }

    public String number() {
        return number;
    }

    public byte[] cardKey() {
        return cardKey.clone();
    }

    /** @return the area's bytes (live: callers copy before handing out) */
    public byte[] area(int id) {
        return areas.get(id);
    }

    public Map<Integer, byte[]> areas() {
        return areas;
    }

    /** Replaces the bytes of an area; the length must be the area's size. */
    public void setArea(int id, byte[] content) {
        byte[] current = areas.get(id);
        if (current == null || current.length != content.length) {
            throw new IllegalArgumentException("area " + id + " has another size");
        }
        areas.put(id, content.clone());
    }

    /** @return the environment master key a SAM holds, or null for other cards */
    public byte[] masterKey() {
        return masterKey == null ? null : masterKey.clone();
    }

    public void setMasterKey(byte[] key) {
        this.masterKey = key == null ? null : key.clone();
    }

    public byte[] signingKey() {
        return signingKey == null ? null : signingKey.clone();
    }

    public void setSigningKey(byte[] key) {
        this.signingKey = key == null ? null : key.clone();
    }

    public String pin() {
        return pin;
    }

    public boolean pinEnabled() {
        return pinEnabled;
    }

    public void setPin(String pin, boolean enabled) {
        this.pin = pin;
        this.pinEnabled = enabled;
        this.pinTries = PIN_TRIES;
    }

    public int pinTries() {
        return pinTries;
    }

    public void setPinTries(int tries) {
        this.pinTries = tries;
    }

    public String puk() {
        return puk;
    }

    public void setPuk(String puk) {
        this.puk = puk;
    }

    public int authFailures() {
        return authFailures;
    }

    public void setAuthFailures(int failures) {
        this.authFailures = failures;
    }

    /** @return true once {@link #AUTH_FAILURE_LIMIT} authentications failed in a row */
    public boolean locked() {
        return authFailures >= AUTH_FAILURE_LIMIT;
    }
}
