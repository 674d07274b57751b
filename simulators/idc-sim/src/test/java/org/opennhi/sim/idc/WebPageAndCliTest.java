// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.Test;
import org.opennhi.sim.idc.internal.cli.CliRunner;
import org.opennhi.sim.idc.internal.cli.IdcHttp;

/** The applications web page and the CLI against a running simulator. */
public class WebPageAndCliTest extends IdcTestBase {

    @Test
    public void pageListsApplicationsWithTheirStatesEscaped() throws Exception {
        f.http.post("/admin/institutions", IdcFixture.json("hospitalId", "1234567890", "name", "<b>診所</b>"), null);
        IdcHttp.Answer page = f.http.get("/");
        assertEquals(200, page.status());
        String html = new String(page.bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains("申請單號"));
        assertTrue(html.contains("可下載"));
        assertTrue(html.contains("待產製"));
        assertTrue("names are escaped", html.contains("&lt;b&gt;診所&lt;/b&gt;") && !html.contains("<b>診所"));
    }

    @Test
    public void cliDrivesTheLifecycle() throws Exception {
        Files.writeString(f.dataDir.resolve("server.url"), f.idc.baseUri().toString());
        String applied = cli("apply", "9999999999");
        String no = applied.replaceAll("(?s).*\"applicationNo\": \"([^\"]+)\".*", "$1");
        assertEquals('V', no.charAt(4));
        assertTrue(cli("review", no).contains("審核中"));
        assertTrue(cli("approve", no).contains("待產製"));
        assertTrue(cli("clock", "60").contains("\"changed\""));
        assertTrue(cli("list", "9999999999").contains(no));
        String zip = f.dataDir.resolve("sam.zip").toString();
        assertTrue(cli("download", no, zip).startsWith("saved"));
        assertTrue(Files.size(f.dataDir.resolve("sam.zip")) > 100);
    }

    private String cli(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = f.dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int rc = CliRunner.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), all);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(out, 0, rc);
        return out;
    }
}
