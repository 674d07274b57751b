// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.IdcHttp;
import org.opennhi.idc.client.SamFile;

/** A cloud SAM file binds to the first PC that uses it. */
public class BindingTest extends IdcTestBase {
    @Test
    public void unusedFileIsAcceptedOnTwoPcsUntilOneUsesIt() throws Exception {
        SamFile file = f.testSam("9999999999");
        // Installed on two PCs, unused: both may start authenticating.
        assertEquals(200, f.http.post("/v1/sam/auth/begin", IdcFixture.json("samId", file.samId(), "machineId",
                "PC-B", "rndCard", "0102030405060708"), null).status());
        assertEquals(200, f.authenticate(file, "PC-A").status());

        IdcHttp.Answer refused = f.authenticate(file, "PC-B");
        assertEquals(409, refused.status());
        assertEquals("the platform maps this to 9202", 9202, refused.code());
        assertEquals("the first PC keeps working", 200, f.authenticate(file, "PC-A").status());
    }

    @Test
    public void unusedCopiesWorkOnEachPcUntilUsed() throws Exception {
        SamFile a = f.testSam("7777777777");
        SamFile b = f.testSam("8888888888");
        assertEquals(200, f.authenticate(a, "PC-1").status());
        assertEquals(200, f.authenticate(b, "PC-2").status());
        assertEquals(9202, f.authenticate(a, "PC-2").code());
        assertEquals(9202, f.authenticate(b, "PC-1").code());
    }

    @Test
    public void opsCanUnbindAFileForAReplacedPc() throws Exception {
        SamFile file = f.testSam("9999999999");
        assertEquals(200, f.authenticate(file, "PC-OLD").status());
        assertEquals(200, f.http.post("/admin/sams/" + file.samId() + "/unbind", null, null).status());
        assertEquals(200, f.authenticate(file, "PC-NEW").status());
        assertEquals(9202, f.authenticate(file, "PC-OLD").code());
    }
}
