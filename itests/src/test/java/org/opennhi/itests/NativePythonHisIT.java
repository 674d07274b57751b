// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A HIS written in Python with ctypes (native/test/his_session.py) loads {@code <home>/lib/cshis50.so} of a real
 * {@code bin/nhi-cs --demo} and takes a patient's visit through it; every answer is checked against the card as
 * the platform's own API reads it. Then eight threads of one Python process take visits through the library at
 * once: every call answers 0 and the card counts each visit once, in order.
 */
public class NativePythonHisIT {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);
    private static final String HC = "900000000001";
    private static final int THREADS = 8;
    private static final int VISITS_EACH = 4;

    private static Path work;
    private static DemoPlatform platform;
    private static Map<String, String> env;

    @BeforeClass
    public static void start() throws Exception {
        PythonHis.requireTools("python3");
        Path root = Files.createDirectories(Path.of(System.getProperty("opennhi.itest.work", "target/itest-work")));
        work = Files.createTempDirectory(root, "python-his-").toAbsolutePath();
        // askpass-style PIN entries: the prompt as argv[1] (logged, never the PIN), the PIN on stdout
        Path askpass = script("askpass", "echo \"$1\" >> '" + work.resolve("askpass.log") + "'\necho 1234\n");
        Path cancel = script("cancel", "echo \"$1\" >> '" + work.resolve("cancel.log") + "'\nexit 1\n");
        Path wrong = script("wrong", "echo 9999\n");
        env = Map.of("NHI_PINENTRY", askpass.toString(), "NHI_PINENTRY_CANCEL", cancel.toString(),
                "NHI_PINENTRY_WRONG", wrong.toString());
        platform = DemoPlatform.start(root, Map.of(), "");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static Path script(String name, String body) throws Exception {
        Path p = work.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    private static String library() {
        return platform.home.resolve("lib/cshis50.so").toString();
    }

    /** The bytes POST /v5/<function> answers (its pBuffer), for comparing with what the library wrote. */
    private static byte[] api(String function) throws Exception {
        JsonObject a = platform.json("POST", "/v5/" + function, "{}");
        assertEquals(function + ": " + a, 0, a.get("code").getAsInt());
        return Base64.getDecoder().decode(a.get("bufferBase64").getAsString());
    }

    private static byte[] bytes(JsonObject o, String name) {
        return Base64.getDecoder().decode(o.get(name).getAsString());
    }

    private static String ascii(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.US_ASCII);
    }

    private static int visitsLeft() throws Exception {
        return Integer.parseInt(ascii(api("hisGetRegisterBasic2"), 7, 9));
    }

    @Test
    public void aVisitFromOpenToCloseMatchesTheCard() throws Exception {
        int visitsBefore = visitsLeft();
        JsonObject s = PythonHis.run(work, env, SCRIPT_TIMEOUT, "his_session.py", library(), "session");
        for (String call : List.of("csOpenCom", "csVerifySAMDC", "basicCode", "seqCode", "lastSeqCode",
                "hpcVerifyHPCPIN", "hpcSsnCode", "writeCode", "needHpcCode", "csCloseCom")) {
            assertEquals(call + " in " + s, 0, s.get(call).getAsInt());
        }
        // the PIN goes through NHI_PINENTRY to the card: cancelled 5109, a wrong one 5102, the real one asked once
        assertEquals(5109, s.get("pinCancelled").getAsInt());
        assertEquals(5102, s.get("pinWrong").getAsInt());
        List<String> prompts = Files.readAllLines(work.resolve("askpass.log"));
        assertEquals(prompts.toString(), 1, prompts.size());
        assertTrue("the prompt names the HPC's PIN: " + prompts, prompts.get(0).contains("醫事人員卡"));
        assertEquals(1, Files.readAllLines(work.resolve("cancel.log")).size());

        byte[] basic = bytes(s, "basic");
        assertEquals(72, basic.length);
        assertArrayEquals("the library's basic data is the platform's", api("hisGetBasicData"), basic);
        assertEquals(HC, ascii(basic, 0, 12));

        JsonObject status = platform.json("GET", "/status", null);
        JsonObject sam = status.getAsJsonObject("sam");
        byte[] seq = bytes(s, "seq");
        assertEquals(296, seq.length);
        String dateTime = ascii(seq, 0, 13);
        assertTrue(dateTime, dateTime.matches("\\d{13}"));
        String number = ascii(seq, 13, 17);
        assertEquals(sam.get("hospitalId").getAsString(), ascii(seq, 17, 27));
        assertTrue("256 printable signature characters", ascii(seq, 27, 283).matches("[0-9A-F]{256}"));
        assertEquals(sam.get("samId").getAsString(), ascii(seq, 283, 295));
        assertTrue(ascii(seq, 295, 296).matches("[YN]"));
        // the card's last sequence number: ROC year + this visit's number, read by the library and by the API
        String last = new String(bytes(s, "lastSeq"), StandardCharsets.US_ASCII);
        assertEquals(dateTime.substring(0, 3) + number, last);
        assertEquals(last, new String(api("hisGetLastSeqNum"), StandardCharsets.US_ASCII));
        assertEquals("one visit taken", visitsBefore - 1, visitsLeft());
        String visits = new String(api("hisGetTreatmentNoNeedHPC"), StandardCharsets.US_ASCII);
        assertTrue("the visit is on the card: " + visits, visits.contains("01 " + dateTime + "1" + number));

        // pBufferDocID: the HPC holder's id and a NUL, as hpcGetHPCSSN names him
        byte[] holder = api("hpcGetHPCSSN");
        assertArrayEquals(holder, bytes(s, "hpcSsn"));
        byte[] doc = bytes(s, "docId");
        assertArrayEquals(holder, Arrays.copyOf(doc, 10));
        assertEquals(0, doc[10]);

        // 372 bytes: critical illnesses 114, then six diagnosis records (date-time 13, six codes of 5)
        byte[] need = bytes(s, "needHpc");
        assertEquals(372, need.length);
        assertArrayEquals("the library reads what the API reads", api("hisGetTreatmentNeedHPC"), need);
        String written = null;
        for (int r = 0; r < 6; r++) {
            String record = ascii(need, 114 + 43 * r, 114 + 43 * (r + 1));
            if (record.startsWith(dateTime)) {
                written = record.substring(13);
            }
        }
        assertEquals("the diagnoses written for the visit are on the card",
                s.get("diagnoses").getAsString().substring(1), written);
        System.out.printf("python HIS session: visit %s number %s, HPC %s%n", dateTime, number,
                new String(holder, StandardCharsets.US_ASCII));
    }

    @Test
    public void eightThreadsTakeVisitsAtOnce() throws Exception {
        int total = THREADS * VISITS_EACH;
        // the demo HC has 6 visits: the IDC grants more, which csUpdateHCContents (in the script) writes to the card
        idcAdmin("PUT", "/admin/card-contents/" + HC, "{\"visitsLeft\":" + (total + 20) + "}");
        long t0 = System.nanoTime();
        JsonObject v = PythonHis.run(work, env, SCRIPT_TIMEOUT, "his_session.py", library(), "visits",
                Integer.toString(THREADS), Integer.toString(VISITS_EACH));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(v.toString(), 0, v.get("csOpenCom").getAsInt());
        assertEquals(v.toString(), 0, v.get("update").getAsInt());
        int before = Integer.parseInt(ascii(bytes(v, "before"), 7, 9));
        assertEquals("the card got the IDC's visits", total + 20, before);
        // 1.6's first 7 bytes: the year and its visit count, which the next visit's number follows
        String countedBefore = ascii(bytes(v, "cumulativeBefore"), 0, 7);
        int first = Integer.parseInt(countedBefore.substring(3)) + 1;

        Set<Integer> numbers = new TreeSet<>();
        Map<Integer, String> dateTimes = new HashMap<>();
        Set<Integer> threads = new HashSet<>();
        String year = null;
        for (JsonElement e : v.getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            assertEquals(r.toString(), 0, r.get("code").getAsInt());
            byte[] seq = bytes(r, "seq");
            assertEquals(296, seq.length);
            int number = Integer.parseInt(ascii(seq, 13, 17));
            assertTrue("each visit its own number: " + r, numbers.add(number));
            dateTimes.put(number, ascii(seq, 0, 13));
            threads.add(r.get("thread").getAsInt());
            year = ascii(seq, 0, 3);
        }
        assertEquals(total, numbers.size());
        assertEquals(THREADS, threads.size());
        Set<Integer> expected = new TreeSet<>();
        for (int n = first; n < first + total; n++) {
            expected.add(n);
        }
        assertEquals("consecutive, after the card's count " + countedBefore, expected, numbers);
        String last = String.format("%s%04d", year, first + total - 1);
        assertEquals(last, new String(bytes(v, "lastAfter"), StandardCharsets.US_ASCII));
        assertEquals(last, ascii(bytes(v, "cumulativeAfter"), 0, 7));
        assertEquals("each visit counted once", before - total, Integer.parseInt(ascii(bytes(v, "after"), 7, 9)));
        // the card keeps the last six visits (498 bytes: 6 x 14 illness dates, then 6 records of 69): they are the
        // last six numbers handed out, each with the date-time the library returned for it
        byte[] onCard = api("hisGetTreatmentNoNeedHPC");
        Map<Integer, String> kept = new TreeMap<>();
        for (int r = 0; r < 6; r++) {
            int at = 84 + 69 * r;
            kept.put(Integer.parseInt(ascii(onCard, at + 17, at + 21)), ascii(onCard, at + 3, at + 16));
        }
        Map<Integer, String> lastSix = new TreeMap<>(dateTimes);
        lastSix.keySet().removeIf(n -> n < first + total - 6);
        assertEquals(lastSix, kept);
        assertEquals(0, v.get("csCloseCom").getAsInt());
        System.out.printf("python HIS: %d threads took %d visits (%04d-%04d) in %d ms%n", THREADS, total, first,
                first + total - 1, ms);
    }

    /** An operator route of the demo's IDC simulator (its URL and CA from the SAM settings, its admin token). */
    private static void idcAdmin(String method, String path, String json) throws Exception {
        String cloud = Files.readString(platform.home.resolve("INI/config/opennhi/sam/cloud.config"));
        URI idc = URI.create(setting(cloud, "idcUrl"));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(setting(cloud, "caFile")))) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpRequest request = HttpRequest.newBuilder(idc.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-Admin-Token", Files.readString(platform.home.resolve("demo/idc/admin.token")).strip())
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> res = HttpClient.newBuilder().sslContext(tls).build().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(res.body(), 200, res.statusCode());
    }

    private static String setting(String config, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=\"([^\"]*)\"").matcher(config);
        assertTrue(key + " in " + config, m.find());
        return m.group(1);
    }
}
