// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sign.SignatureService;
import org.opennhi.sim.idc.internal.store.Table;
import org.opennhi.sim.idc.internal.treat.TreatmentIdService;
import org.opennhi.sim.idc.internal.treat.TreatmentRecord;
import org.opennhi.idc.client.TreatmentIds;

/**
 * The treatment-id web API (就醫識別碼 web API, docs/idc-protocol.md §9): get a random, have the SAM sign it
 * (card type 3), post the JSON, get the id. Answers carry NHI-style {@code RtnCode}s ("0000" success) with
 * HTTP 200; malformed requests get the usual 4xx JSON errors.
 */
public final class WebTreatmentApi {
    private static final long RANDOM_MILLIS = 3_600_000;

    private final Table<SamRecord> sams;
    private final SignatureService signatures;
    private final TreatmentIdService treatmentIds;
    private final Times times;
    private final SecureRandom random;
    private final Map<String, Long> randoms = new ConcurrentHashMap<>();

    /**
     * @param sams the SAM registry
     * @param signatures verifies the SAM's signature of the random
     * @param treatmentIds issues the id
     * @param times the clock
     * @param random the randoms
     */
    public WebTreatmentApi(Table<SamRecord> sams, SignatureService signatures, TreatmentIdService treatmentIds,
            Times times, SecureRandom random) {
        this.sams = sams;
        this.signatures = signatures;
        this.treatmentIds = treatmentIds;
        this.times = times;
        this.random = random;
    }

    /** Adds the routes. */
    public void register(Router router) {
        router.add("GET", "/webapi/v1/random", c -> {
            byte[] r = new byte[16];
            random.nextBytes(r);
            String value = HexFormat.of().withUpperCase().formatHex(r);
            long now = times.millis();
            randoms.values().removeIf(expiry -> expiry < now);
            randoms.put(value, now + RANDOM_MILLIS);
            return Map.of("RtnCode", "0000", "sRandom", value);
        });
        router.add("POST", "/webapi/v1/treatment-number", c -> issue(c.required("sSamId"), c.required("sHospId"),
                c.required("sClientRandom"), c.required("sSignature"), c.required("sCardType"), c.string("sPatientId"),
                c.string("sTreatDT")));
    }

    private Map<String, String> issue(String samId, String hospId, String clientRandom, String signature,
            String cardType, String patientId, String treatDt) {
        if (!"3".equals(cardType)) {
            return rtn("5003", "作業類別錯誤: sCardType must be 3 (SAM signature)");
        }
        SamRecord sam = sams.get(samId).orElse(null);
        if (sam == null) {
            return rtn("5004", "安全模組卡無效: unknown SAM");
        }
        if (sam.status == SamRecord.Status.REVOKED) {
            return rtn("8205", "安全模組卡已註銷");
        }
        if (!sam.hospitalId.equals(hospId)) {
            return rtn("9005", "醫療院所代號不存在: the SAM belongs to another institution");
        }
        Long expiry = randoms.remove(clientRandom);
        if (expiry == null || expiry < times.millis()) {
            return rtn("8203", "簽章已逾有效期限: the random is unknown, used or older than 1 hour");
        }
        boolean valid = signatures.verify(samId, SignatureType.VISIT_PRINTABLE,
                clientRandom.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            return rtn("9002", "驗簽失敗");
        }
        TreatmentRecord r = treatmentIds.issue(samId, hospId, treatDt, TreatmentIds.Source.WEB_API, null, patientId);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("RtnCode", "0000");
        out.put("sTreatNum", r.treatmentId());
        out.put("sTreatDT", r.visitDateTime());
        out.put("sHospId", r.hospitalId());
        return out;
    }

    private static Map<String, String> rtn(String code, String message) {
        return Map.of("RtnCode", code, "sMessage", message);
    }
}
