// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sam.cloud.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.idc.client.SamFile;

/** Finding and validating the SAM file: real files in a temporary SAM folder. */
public class SamFileLocatorTest {
    private static final KeyPair CA = keyPair();
    private static final KeyPair OTHER_CA = keyPair();

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SamFile file(String samId, String hospitalId, KeyPair signer) {
        return SamFile.issue(samId, hospitalId, "健保測試藥局丙", "測試藥局丙", "2611V003",
                "2026-11-22T11:00:00+08:00", new byte[16], signer.getPrivate());
    }

    private Path folder() throws Exception {
        return tmp.newFolder("SAM", "COMX1").toPath();
    }

    private static Path put(Path folder, SamFile f) throws Exception {
        return Files.write(folder.resolve(f.fileName()), f.content());
    }

    private static ResultCode refusal(Path folder) {
        NhiException e = assertThrows(NhiException.class,
                () -> SamFileLocator.locate(folder, Optional.of(CA.getPublic())));
        return e.result();
    }

    @Test
    public void theOneValidFileGivesTheIdentity() throws Exception {
        Path folder = folder();
        Path p = put(folder, file("901000000003", "9999999999", CA));
        LoadedSam sam = SamFileLocator.locate(folder, Optional.of(CA.getPublic()));
        assertEquals(p, sam.path());
        assertEquals(new SamIdentity("9999999999", "健保測試藥局丙", "測試藥局丙", "901000000003"), sam.identity());
        assertEquals("the key never shows in logs", "LoadedSam[9999999999901000000003.SAM]", sam.toString());
    }

    @Test
    public void withoutACaTheSignatureIsLeftForLater() throws Exception {
        Path folder = folder();
        put(folder, file("901000000003", "9999999999", OTHER_CA));
        assertEquals("901000000003", SamFileLocator.locate(folder, Optional.empty()).file().samId());
    }

    @Test
    public void missingFolderIs9200() throws Exception {
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(tmp.getRoot().toPath().resolve("SAM/COMX2")));
    }

    @Test
    public void aFileWhereTheFolderShouldBeIs9200() throws Exception {
        Path notAFolder = tmp.newFile("COMX1").toPath();
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(notAFolder));
    }

    @Test
    public void emptyFolderIs9200() throws Exception {
        Path folder = folder();
        Files.writeString(folder.resolve("readme.txt"), "not a SAM file");
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(folder));
    }

    @Test
    public void twoFilesAre9200() throws Exception {
        Path folder = folder();
        put(folder, file("901000000003", "9999999999", CA));
        put(folder, file("901000000001", "7777777777", CA));
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(folder));
    }

    @Test
    public void aLowerCaseCopyCountsAsASecondFile() throws Exception {
        Path folder = folder();
        SamFile f = file("901000000003", "9999999999", CA);
        put(folder, f);
        Files.write(folder.resolve("copy.sam"), f.content());
        assertEquals(ResultCode.SAM_FOLDER_INVALID, refusal(folder));
    }

    @Test
    public void aNameNotOfTheOfficialShapeIs9201() throws Exception {
        Path folder = folder();
        Files.write(folder.resolve("my-sam.SAM"), file("901000000003", "9999999999", CA).content());
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void aNameThatDoesNotMatchTheContentIs9201() throws Exception {
        Path folder = folder();
        Files.write(folder.resolve("9999999999901000000009.SAM"), file("901000000003", "9999999999", CA).content());
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void garbageIs9201() throws Exception {
        Path folder = folder();
        Files.write(folder.resolve("9999999999901000000003.SAM"), new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0});
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void aMissingFieldIs9201() throws Exception {
        Path folder = folder();
        String text = new String(file("901000000003", "9999999999", CA).content(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("9999999999901000000003.SAM"),
                text.replaceAll("(?m)^authKey: .*\\n", ""), StandardCharsets.UTF_8);
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void anEditedFileIs9201() throws Exception {
        Path folder = folder();
        String text = new String(file("901000000003", "9999999999", CA).content(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("9999999999901000000003.SAM"), text.replace("測試藥局丙\n", "測試藥局丁\n"),
                StandardCharsets.UTF_8);
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void aFileFromAnotherIdcIs9201() throws Exception {
        Path folder = folder();
        put(folder, file("901000000003", "9999999999", OTHER_CA));
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void anUnreadableEntryIs9201() throws Exception {
        Path folder = folder();
        Files.createDirectory(folder.resolve("9999999999901000000003.SAM")); // read() fails as for a locked file
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }

    @Test
    public void anOversizedFileIs9201() throws Exception {
        Path folder = folder();
        Files.write(folder.resolve("9999999999901000000003.SAM"), new byte[64 * 1024]);
        assertEquals(ResultCode.SAM_FILE_UNREADABLE, refusal(folder));
    }
}
