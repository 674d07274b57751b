// SPDX-License-Identifier: Apache-2.0
package org.opennhi.idc.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.opennhi.contracts.platform.Environment;

/**
 * The cloud SAM file ({@code <hospital id><SAM id>.SAM}) as our IDC issues it: UTF-8 text, one
 * {@code name: value} field per line (LF), in this order:
 * <pre>
 * OPENNHI-SAM-FILE 1
 * samId: 901000000001
 * hospitalId: 9999999999
 * hospitalName: 測試醫事機構九
 * hospitalShortName: 測試九
 * environment: TEST
 * applicationNo: 2611V001
 * issuedAt: 2026-11-22T03:00:00+08:00
 * authKey: 32 hex digits
 * signature: base64 of SHA256withECDSA by the IDC's CA key over every byte before this line
 * </pre>
 * {@code authKey} is the SAM's K_card of the card profile ({@code KDF(M_env, "OPENNHI CARD AUTH", 01 || samId)}):
 * the platform plays the SAM card's part of the mutual authentication with it. The file is therefore a secret,
 * like a private key: never log its content. A file that does not parse is "unreadable" (9201); one whose
 * signature does not verify against the IDC's CA was not issued by that IDC.
 */
public final class SamFile {
    /** First line of every SAM file. */
    public static final String MAGIC = "OPENNHI-SAM-FILE 1";
    /** File name extension. */
    public static final String EXTENSION = ".SAM";

    private static final String[] FIELDS = {"samId", "hospitalId", "hospitalName", "hospitalShortName",
        "environment", "applicationNo", "issuedAt", "authKey"};

    private final Map<String, String> fields;
    private final byte[] signedPart;
    private final byte[] signature;

    private SamFile(Map<String, String> fields, byte[] signedPart, byte[] signature) {
        this.fields = fields;
        this.signedPart = signedPart;
        this.signature = signature;
    }

    /**
     * Writes and signs a SAM file.
     *
     * @param samId 12 digits
     * @param hospitalId 10 characters
     * @param hospitalName the institution's name
     * @param hospitalShortName its short name
     * @param applicationNo the application the file was produced for
     * @param issuedAt ISO date-time
     * @param authKey the SAM's 16-byte authentication key
     * @param issuerKey the CA key that signs the file
     * @return the file
     */
    public static SamFile issue(String samId, String hospitalId, String hospitalName, String hospitalShortName,
            String applicationNo, String issuedAt, byte[] authKey, PrivateKey issuerKey) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("samId", samId);
        f.put("hospitalId", hospitalId);
        f.put("hospitalName", oneLine(hospitalName));
        f.put("hospitalShortName", oneLine(hospitalShortName));
        f.put("environment", Environment.ofId(samId).orElseThrow(
                () -> new IllegalArgumentException("a SAM id starts with 9 or 0")).name());
        f.put("applicationNo", applicationNo);
        f.put("issuedAt", issuedAt);
        f.put("authKey", HexFormat.of().formatHex(authKey));
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        f.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        byte[] signed = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(issuerKey);
            s.update(signed);
            return new SamFile(f, signed, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the SAM file", e);
        }
    }

    /**
     * Reads a SAM file.
     *
     * @param content the file's bytes
     * @return the parsed file (its signature is not checked here: see {@link #verify})
     * @throws IllegalArgumentException when the content is not a SAM file of this format
     */
    public static SamFile parse(byte[] content) {
        String text = new String(Objects.requireNonNull(content, "content"), StandardCharsets.UTF_8);
        if (!text.startsWith(MAGIC + "\n")) {
            throw new IllegalArgumentException("not an OPENNHI-SAM-FILE 1");
        }
        int sigLine = text.lastIndexOf("\nsignature: ");
        if (sigLine < 0) {
            throw new IllegalArgumentException("the SAM file has no signature line");
        }
        byte[] signed = text.substring(0, sigLine + 1).getBytes(StandardCharsets.UTF_8);
        Map<String, String> f = new LinkedHashMap<>();
        for (String line : text.substring(MAGIC.length() + 1, sigLine + 1).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalArgumentException("a SAM file line is not 'name: value'");
            }
            f.put(line.substring(0, colon), line.substring(colon + 2));
        }
        for (String name : FIELDS) {
            if (!f.containsKey(name)) {
                throw new IllegalArgumentException("the SAM file lacks " + name);
            }
        }
        byte[] sig;
        byte[] key;
        try {
            sig = Base64.getDecoder().decode(text.substring(sigLine + "\nsignature: ".length()).trim());
            key = HexFormat.of().parseHex(f.get("authKey"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the SAM file's signature or key is not encoded correctly", e);
        }
        if (key.length != 16 || !f.get("samId").matches("[09]\\d{11}")
                || !f.get("hospitalId").matches("[0-9A-Z]{10}")) {
            throw new IllegalArgumentException("the SAM file's ids or key have the wrong shape");
        }
        return new SamFile(f, signed, sig);
    }

    /**
     * @param issuer the public key of the IDC's CA
     * @return true when the file was signed by that CA and not changed since
     */
    public boolean verify(PublicKey issuer) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initVerify(issuer);
            s.update(signedPart);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** @return the whole file content */
    public byte[] content() {
        String sig = "signature: " + Base64.getEncoder().encodeToString(signature) + "\n";
        byte[] tail = sig.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[signedPart.length + tail.length];
        System.arraycopy(signedPart, 0, out, 0, signedPart.length);
        System.arraycopy(tail, 0, out, signedPart.length, tail.length);
        return out;
    }

    /** @return {@code <hospital id><SAM id>.SAM} */
    public String fileName() {
        return hospitalId() + samId() + EXTENSION;
    }

    /** @return the 12-digit SAM id */
    public String samId() {
        return fields.get("samId");
    }

    /** @return the 10-character hospital id */
    public String hospitalId() {
        return fields.get("hospitalId");
    }

    /** @return the institution's name */
    public String hospitalName() {
        return fields.get("hospitalName");
    }

    /** @return the institution's short name */
    public String hospitalShortName() {
        return fields.get("hospitalShortName");
    }

    /** @return TEST or PRODUCTION */
    public Environment environment() {
        return Environment.valueOf(fields.get("environment"));
    }

    /** @return the application number the file was produced for */
    public String applicationNo() {
        return fields.get("applicationNo");
    }

    /** @return when the file was produced (ISO date-time) */
    public String issuedAt() {
        return fields.get("issuedAt");
    }

    /** @return a copy of the SAM's 16-byte authentication key */
    public byte[] authKey() {
        return HexFormat.of().parseHex(fields.get("authKey"));
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public String toString() {
        return "SamFile[" + fileName() + "]"; // never the key
    }
}
