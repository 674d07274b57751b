package org.opennhi.contracts.reader;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a reader plugin implements: one kind of reader hardware (PC/SC, a dedicated COM-port reader, a
 * vendor's device). Register it as an OSGi service with the property {@value #TYPE_PROPERTY} naming the
 * type; the platform's reader service picks the plugin whose type the configuration selects, queues callers
 * in front of it and forwards its events.
 *
 * <p>A plugin serialises nothing itself: the reader service already guarantees one open session per slot.
 * A plugin must survive its hardware vanishing and coming back, reporting that through {@link #status()}
 * and events rather than exceptions.
 */
@ConsumerType
public interface ReaderPlugin extends ReaderService {

    /** Service property carrying the plugin's reader type, e.g. {@code pcsc}. */
    String TYPE_PROPERTY = "opennhi.reader.type";

    /** @param listener to be told of every card and reader event of this plugin */
    void addListener(ReaderEventListener listener);

    /** @param listener a listener added before; unknown listeners are ignored */
    void removeListener(ReaderEventListener listener);
}
