// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.upload;

/**
 * One upload of visit data (3.1 csUploadData / 3.2 csUploadDataPrec).
 *
 * @param serverRandom 130 hex characters: the upload's handle, needed to download its check report (3.3)
 * @param samId the uploading SAM
 * @param hospitalId its institution
 * @param fileName the file name the HIS gave
 * @param size bytes received
 * @param recordCount records the HIS declared
 * @param prescriptionCount prescriptions the HIS declared (3.2), or 0
 * @param uploadDateTime Gregorian yyyyMMddHHmmss, when the upload started
 * @param receiveDateTime Gregorian yyyyMMddHHmmss, when it was stored
 * @param sha256 hex digest of the content
 */
public record UploadRecord(String serverRandom, String samId, String hospitalId, String fileName, long size,
        int recordCount, int prescriptionCount, String uploadDateTime, String receiveDateTime, String sha256) {
}
