// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.sam;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;

import org.opennhi.contracts.platform.Environment;
import org.opennhi.card.crypto.CardKind;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.model.Institution;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.store.Table;
import org.opennhi.idc.client.SamFile;

/**
 * Produces cloud SAMs: a new SAM id, its signing keys and its signed {@code .SAM} file.
 *
 * <p>SAM ids: 12 digits, {@code 9} (test) or {@code 0} (production), then {@code 010}, then an 8-digit serial
 * shared by both environments. Test institutions (7777777777, 8888888888, 9999999999) get test SAMs.
 */
public final class SamIssuer {
    private final Table<SamRecord> sams;
    private final Counters counters;
    private final SamKeys keys;
    private final Keyring keyring;
    private final PrivateKey issuerKey;
    private final Times times;

    /**
     * @param sams the SAM registry
     * @param counters durable counters
     * @param keys SAM signing keys
     * @param keyring the master keys the SAM authentication keys derive from
     * @param issuerKey the CA key that signs SAM files
     * @param times the clock
     */
    public SamIssuer(Table<SamRecord> sams, Counters counters, SamKeys keys, Keyring keyring, PrivateKey issuerKey,
            Times times) {
        this.sams = sams;
        this.counters = counters;
        this.keys = keys;
        this.keyring = keyring;
        this.issuerKey = issuerKey;
        this.times = times;
    }

    /** @return true for the NHI's test institutions, whose SAMs are test SAMs */
    public static boolean isTestInstitution(String hospitalId) {
        return "7777777777".equals(hospitalId) || "8888888888".equals(hospitalId) || "9999999999".equals(hospitalId);
    }

    /**
     * Produces one SAM for an application.
     *
     * @param institution who it is for
     * @param applicationNo the application
     * @return the stored SAM record, with its file
     */
    public SamRecord produce(Institution institution, String applicationNo) {
        Environment env = isTestInstitution(institution.hospitalId()) ? Environment.TEST : Environment.PRODUCTION;
        long serial = counters.next("sam-serial");
        String samId = env.leadingDigit() + "010" + String.format("%08d", serial);
        SamRecord sam = new SamRecord();
        sam.samId = samId;
        sam.hospitalId = institution.hospitalId();
        sam.kind = SamRecord.Kind.CLOUD;
        sam.status = SamRecord.Status.ACTIVE;
        sam.applicationNo = applicationNo;
        sam.issuedAt = times.iso();
        keys.generate(sam);
        byte[] authKey = keyring.scheme(env).cardKey(CardKind.SAM, samId);
        SamFile file = SamFile.issue(samId, institution.hospitalId(), institution.name(), institution.shortName(),
                applicationNo, sam.issuedAt, authKey, issuerKey);
        sam.fileName = file.fileName();
        sam.fileContent = Base64.getEncoder().encodeToString(file.content());
        sams.put(samId, sam);
        return sam;
    }

    /**
     * Registers a physical SAM card (card-sim) so that it can authenticate with this IDC.
     *
     * @param samId the card's 12-digit SAM id
     * @param hospitalId the institution it belongs to
     * @return the record
     */
    public SamRecord registerCard(String samId, String hospitalId) {
        SamRecord sam = new SamRecord();
        sam.samId = samId;
        sam.hospitalId = hospitalId;
        sam.kind = SamRecord.Kind.CARD;
        sam.status = SamRecord.Status.ACTIVE;
        sam.issuedAt = times.iso();
        sams.put(samId, sam);
        return sam;
    }

    /** @return the SAM file content of a cloud SAM */
    public static byte[] fileContent(SamRecord sam) {
        return sam.fileContent == null ? "".getBytes(StandardCharsets.US_ASCII)
                : Base64.getDecoder().decode(sam.fileContent);
    }
}
