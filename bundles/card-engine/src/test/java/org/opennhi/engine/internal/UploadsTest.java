// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.engine.UploadReceipt;
import org.opennhi.engine.testing.Expect;
import org.opennhi.engine.testing.TestIdc;
import org.opennhi.engine.testing.World;

/** Uploads (3.1, 3.2) and check reports (3.3) through the SAM's IDC session, against the IDC simulator. */
public class UploadsTest {
    @ClassRule
    public static final TestIdc IDC = new TestIdc();
    private final World world = new World();
    private Path dir;

    @After
    public void close() {
        world.close();
        System.clearProperty(Uploads.UPLOAD_FOLDER_PROPERTY);
    }

    private Path file(String name, String content) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory(world.dir, "his");
            world.engine.downloadFolder(dir.resolve("download"));
            System.setProperty(Uploads.UPLOAD_FOLDER_PROPERTY, dir.toString()); // the HIS's upload folder
        }
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void expect(ResultCode code, Expect.Action a) throws Exception {
        Expect.code(code, a);
    }

    @Test
    public void uploadThenDownloadTheReport() throws Exception {
        world.idcRoute = IDC.client()::call;
        Path f = file("A1.xml", "r1\nr2\nr3\n");
        UploadReceipt r = world.engine.upload(f, Files.size(f), 3, OptionalInt.of(7));
        assertEquals("the IDC session's SAM", IDC.client().samFile().samId(), r.samId());
        assertEquals("7777777777", r.hospitalId());
        assertTrue(r.uploadDateTime().matches("\\d{14}"));
        assertTrue(r.receiveDateTime().matches("\\d{14}"));
        assertEquals(130, r.serverRandom().length());
        assertEquals(Files.size(f), r.size());
        assertEquals(3, r.recordCount());

        // the engine's SAM identity is the simulated SAM's; the IDC session is the downloaded cloud SAM file's
        String samId = world.engine.sam().samId();
        Path report = world.engine.downloadUploadReport(samId, "7777777777", 3, r.uploadDateTime(),
                r.receiveDateTime(), r.serverRandom());
        JsonObject json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        assertEquals(3, json.get("receivedRecords").getAsInt());
        assertEquals(0, json.get("invalidRecords").getAsInt());
        assertEquals("A1.xml", json.get("fileName").getAsString());
        assertTrue(report.startsWith(dir.resolve("download")));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.downloadUploadReport("900099999999", "7777777777", 3,
                r.uploadDateTime(), r.receiveDateTime(), r.serverRandom()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.downloadUploadReport(samId, "7777777777", 3,
                "20200101000000", r.receiveDateTime(), r.serverRandom()));
    }

    @Test
    public void theFileIsCheckedBeforeAnythingIsSent() throws Exception {
        world.idcRoute = (route, body) -> {
            throw new AssertionError("nothing may reach the IDC");
        };
        Path f = file("B1.xml", "r1\n");
        expect(ResultCode.FILE_ACCESS_DENIED, () -> world.engine.upload(f.resolveSibling("none.xml"), 3, 1,
                OptionalInt.empty()));
        expect(ResultCode.FILE_SIZE_OR_TRANSFER_FAILED, () -> world.engine.upload(f, 99, 1, OptionalInt.empty()));
        expect(ResultCode.BAD_PARAMETER, () -> world.engine.upload(f, 3, -1, OptionalInt.empty()));
    }

    @Test
    public void onlyFilesInTheUploadFolderAreSent() throws Exception {
        world.idcRoute = (route, body) -> {
            throw new AssertionError("nothing may reach the IDC");
        };
        file("D1.xml", "r1\n"); // the upload folder is dir
        Path outside = Files.writeString(world.dir.resolve("secret.txt"), "not for the IDC\n");
        expect(ResultCode.FILE_ACCESS_DENIED, () -> world.engine.upload(outside, Files.size(outside), 1,
                OptionalInt.empty()));
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), outside);
        expect(ResultCode.FILE_ACCESS_DENIED, () -> world.engine.upload(link, Files.size(outside), 1,
                OptionalInt.empty()));
        Path escape = dir.resolve("..").resolve("secret.txt");
        expect(ResultCode.FILE_ACCESS_DENIED, () -> world.engine.upload(escape, Files.size(outside), 1,
                OptionalInt.empty()));
        Path shadow = Path.of("/etc/passwd");
        expect(ResultCode.FILE_ACCESS_DENIED, () -> world.engine.upload(shadow, Files.size(shadow), 1,
                OptionalInt.empty()));
        System.out.println("upload folder: 4 files outside it (plain, link, ../, /etc/passwd) refused 6017, none sent");
    }

    @Test
    public void withoutTheIdcItIs4061() throws Exception {
        Path f = file("C1.xml", "r1\n");
        expect(ResultCode.NETWORK_DOWN, () -> world.engine.upload(f, 3, 1, OptionalInt.empty()));
    }

    @Test
    public void idcFileNames() {
        assertEquals("A1.xml", Uploads.idcFileName(Path.of("/tmp/A1.xml")));
        assertEquals("__1.xml", Uploads.idcFileName(Path.of("/tmp/上傳1.xml")));
    }
}
