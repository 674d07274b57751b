// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.card.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Consumer;

/** What a command sees of its card: the persistent state, this session, and how to persist a change. */
public final class CardContext {
    private CardState state;
    private final Session session = new Session();
    private final Consumer<CardState> persist;
    private final SecureRandom random;

    public CardContext(CardState state, Consumer<CardState> persist, SecureRandom random) {
        this.state = state;
        this.persist = persist;
        this.random = random;
    }

    public CardState state() {
        return state;
    }

    /** Swaps in freshly issued state (fixture reset) and forgets the session. */
    void reload(CardState fresh) {
        this.state = fresh;
    }

    public Session session() {
        return session;
    }

    public SecureRandom random() {
        return random;
    }

    /** @return an area's content as the next write sees it: staged in the open write set, else stored */
    byte[] areaForWrite(int id) {
        Map<Integer, byte[]> staged = session.staged;
        byte[] b = staged == null ? null : staged.get(id);
        return b != null ? b : state.area(id);
    }

    /**
     * Takes one data write of one or more areas: kept in the open write set, or else stored and persisted
     * before the card answers.
     */
    void write(Map<Integer, byte[]> contents) {
        Map<Integer, byte[]> staged = session.staged;
        if (staged != null) {
            contents.forEach((id, c) -> staged.put(id, c.clone()));
            session.stagedWrites++;
            return;
        }
        contents.forEach(state::setArea);
        persist();
    }

    /** Writes the state to disk; called after every change, before the card answers. */
    public void persist() {
        persist.accept(state);
    }
}
