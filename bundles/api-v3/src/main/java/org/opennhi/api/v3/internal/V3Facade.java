// SPDX-License-Identifier: Apache-2.0
package org.opennhi.api.v3.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.opennhi.api.common.CallAudit;
import org.opennhi.api.common.functions.RecordFunctions;
import org.opennhi.api.v3.CsHis30;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.CardEngine;
import org.opennhi.engine.PinSource;

/**
 * The 3.5.x functions over the card engine: the function bodies are the ones 5.1.x shares ({@link RecordFunctions},
 * embedded in this bundle); what the 3.3 manual makes different is here: csOpenCom/csCloseCom open COM n+1
 * (§1.31, §1.32) and every function that talks to the reader answers 4000 until csOpenCom succeeded. Plain Java,
 * so tests drive it directly.
 */
public class V3Facade extends RecordFunctions implements CsHis30 {
    private final PortGate port;

    /**
     * @param engine the card engine (the same one the 5.1.x facade uses)
     * @param platformPin the platform's PIN entry (the reader's keypad, a dialog), when one is installed
     * @param location what {@code csGetVersionEx} writes into pPath
     * @param port the platform's csOpenCom state
     */
    public V3Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, PortGate port) {
        this(engine, platformPin, location, port, CallAudit.NONE);
    }

    /** @param audit where each call's audit record goes */
    public V3Facade(CardEngine engine, Supplier<Optional<PinSource>> platformPin, String location, PortGate port,
            CallAudit audit) {
        super(engine, platformPin, location, audit);
        this.port = Objects.requireNonNull(port, "port");
    }

    /**
     * 3.3 manual §1.31 "使用場合": csOpenCom must succeed before any other function. It names no code for a call
     * made without it; a 3.x DLL without an open port gets no answer from the reader: 4000 讀卡機 timeout.
     */
    @Override
    protected void gate() throws NhiException {
        if (!port.isOpen()) {
            throw new NhiException(ResultCode.READER_TIMEOUT, "csOpenCom first");
        }
    }

    @Override
    protected int versionCode() {
        return VERSION_CODE;
    }

    @Override
    public int csOpenCom(int comport) {
        return port.open(comport);
    }

    @Override
    public int csCloseCom() {
        return port.close();
    }
}
