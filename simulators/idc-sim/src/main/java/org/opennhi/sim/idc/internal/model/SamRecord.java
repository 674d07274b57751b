// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.model;

/**
 * A SAM the IDC knows: a cloud SAM file it produced, or a physical SAM card registered with it.
 * Key fields hold PKCS#8 / X.509 encodings in base64; they are never logged.
 */
public final class SamRecord {
    /** Cloud SAM file or physical SAM card. */
    public enum Kind { CLOUD, CARD }

    /** Whether the SAM may authenticate. */
    public enum Status { ACTIVE, REVOKED }

    public String samId;
    public String hospitalId;
    public Kind kind;
    public Status status;
    public String applicationNo;
    public String issuedAt;
    public String fileName;
    public String fileContent;
    public String boundMachineId;
    public String boundAt;
    public String revokedAt;
    public String rsaPrivate;
    public String rsaPublic;
    public String dsaPrivate;
    public String dsaPublic;

    /** @return a copy without key material and file content, for JSON answers */
    public SamRecord publicView() {
        SamRecord v = new SamRecord();
        v.samId = samId;
        v.hospitalId = hospitalId;
        v.kind = kind;
        v.status = status;
        v.applicationNo = applicationNo;
        v.issuedAt = issuedAt;
        v.fileName = fileName;
        v.boundMachineId = boundMachineId;
        v.boundAt = boundAt;
        v.revokedAt = revokedAt;
        v.rsaPublic = rsaPublic;
        v.dsaPublic = dsaPublic;
        return v;
    }
}
