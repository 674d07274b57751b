// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine;

/**
 * The IDC's receipt for an upload of visit data (3.1 csUploadData, 3.2 csUploadDataPrec).
 *
 * @param samId the uploading SAM (12)
 * @param hospitalId its institution (10)
 * @param uploadDateTime Gregorian {@code yyyyMMddHHmmss}, when the upload started
 * @param receiveDateTime Gregorian {@code yyyyMMddHHmmss}, when the IDC stored it
 * @param serverRandom 130 characters: the handle of the upload's check report (3.3)
 * @param size bytes the IDC received
 * @param recordCount records the IDC took note of
 */
public record UploadReceipt(String samId, String hospitalId, String uploadDateTime, String receiveDateTime,
        String serverRandom, long size, int recordCount) {
}
