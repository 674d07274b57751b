// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the card engine. */
@ObjectClassDefinition(name = "Open NHI card engine",
        description = "How the card engine waits for cards and which clock it keeps visits by.")
public @interface EngineConfig {

    /** @return how long an operation waits for its card to become free */
    @AttributeDefinition(name = "Card wait (ms)", description = "How long one operation waits in the reader's "
            + "queue before it answers 4000.", min = "100")
    long cardWaitMillis() default 10_000;

    /** @return the visit clock's time zone */
    @AttributeDefinition(name = "Time zone", description = "Visit date-times are Taiwan time (ROC dates).")
    String timeZone() default "Asia/Taipei";

    /** @return where 3.3 csDownloadData saves check reports; empty: {@code <java.io.tmpdir>/opennhi/download} */
    @AttributeDefinition(name = "Download folder", description = "Where csDownloadData (3.3) saves the IDC's "
            + "check reports of uploads. Empty: a folder opennhi/download under the system's temporary folder.")
    String downloadFolder() default "";

    /** @return the only folder 3.1/3.2 upload files from; empty: {@code <home>/UPLOAD} */
    @AttributeDefinition(name = "Upload folder", description = "csUploadData / csUploadDataPrec (3.1, 3.2) send "
            + "only regular files inside this folder; any other path answers 6017 and nothing is sent. Empty: "
            + "the folder UPLOAD in the NHI home.")
    String uploadFolder() default "";
}
