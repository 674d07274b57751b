// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * This PC's machine id, the value the IDC binds a cloud SAM file to (idc-protocol §4). Made once, then kept in
 * {@code <home>/INI/machine-id} so it stays the same when the network cards or the host name change later:
 * {@code PC-} and the first 16 hex digits of SHA-256 over the host name, every hardware (MAC) address in a
 * stable order, and 16 random bytes (so two cloned PCs with equal names and no MAC still differ). A kept value
 * of the allowed shape is used as it is, so ops can carry it over to a reinstalled PC by copying the file.
 */
public final class MachineId {
    /** File name in the INI folder. */
    public static final String FILE = "machine-id";
    /** What the IDC accepts as a machine id. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private MachineId() {
    }

    /**
     * @param iniFolder {@code <home>/INI}
     * @return the kept machine id, made and kept first if there is none (or the kept one is malformed)
     * @throws IOException when it cannot be kept
     */
    public static synchronized String of(Path iniFolder) throws IOException {
        Path file = iniFolder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (SHAPE.matcher(kept).matches()) {
                return kept;
            }
        }
        String made = make();
        Files.createDirectories(iniFolder);
        Path tmp = Files.createTempFile(iniFolder, FILE, ".tmp");
        Files.writeString(tmp, made + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return made;
    }

    private static String make() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(hostName().getBytes(StandardCharsets.UTF_8));
            for (String mac : macs()) {
                sha.update(mac.getBytes(StandardCharsets.US_ASCII));
            }
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            sha.update(salt);
            return "PC-" + HexFormat.of().withUpperCase().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> macs() {
        List<String> macs = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] mac = nic.isLoopback() ? null : nic.getHardwareAddress();
                if (mac != null && mac.length > 0) {
                    macs.add(HexFormat.of().formatHex(mac));
                }
            }
        } catch (IOException e) {
            // no interfaces to list: the host name and the random part still make an id
        }
        Collections.sort(macs);
        return macs;
    }
}
