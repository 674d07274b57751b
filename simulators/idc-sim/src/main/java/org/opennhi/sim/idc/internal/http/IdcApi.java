// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.idc.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.result.ResultCode;
import org.opennhi.contracts.sam.SignatureType;
import org.opennhi.sim.idc.internal.IdcException;
import org.opennhi.sim.idc.internal.Times;
import org.opennhi.sim.idc.internal.card.CardAuthentication;
import org.opennhi.sim.idc.internal.hpc.FastAuthService;
import org.opennhi.sim.idc.internal.hpc.FastAuthToken;
import org.opennhi.sim.idc.internal.insurance.InsuranceService;
import org.opennhi.sim.idc.internal.insurance.InsuranceStatus;
import org.opennhi.sim.idc.internal.lifecycle.Lifecycle;
import org.opennhi.sim.idc.internal.model.SamRecord;
import org.opennhi.sim.idc.internal.sam.SamAuthentication;
import org.opennhi.sim.idc.internal.sam.Session;
import org.opennhi.sim.idc.internal.sign.SignatureService;
import org.opennhi.sim.idc.internal.store.Table;
import org.opennhi.sim.idc.internal.treat.TreatmentIdService;
import org.opennhi.sim.idc.internal.treat.TreatmentRecord;
import org.opennhi.sim.idc.internal.upload.UploadRecord;
import org.opennhi.sim.idc.internal.upload.UploadService;
import org.opennhi.idc.client.Pem;
import org.opennhi.idc.client.TreatmentIds;

import org.opennhi.sim.idc.internal.cards.CardContentsService;

import com.google.gson.JsonElement;

/**
 * The SAM-facing routes of our IDC protocol ({@code /v1/...}); documented in {@code docs/idc-protocol.md}.
 */
public final class IdcApi {
    /** Services the routes call. */
    public record Services(Times times, Table<SamRecord> sams, SamAuthentication samAuth, CardAuthentication cardAuth,
            SignatureService signatures, InsuranceService insurance, TreatmentIdService treatmentIds,
            FastAuthService fastAuth, UploadService uploads, Lifecycle lifecycle, byte[] caDer,
            CardContentsService cardContents) {
    }

    private static final int MAX_UPLOAD_BODY = 48 * 1024 * 1024;

    private final Services s;

    /** @param services what the routes call */
    public IdcApi(Services services) {
        this.s = services;
    }

    /** Adds the routes to {@code router}. */
    public void register(Router router) {
        // inline: the routes that only compute from memory (the signature routes are the hot path)
        router.addInline("GET", "/v1/health", c -> Map.of("status", "UP", "time", s.times().iso()));
        router.addInline("GET", "/v1/time", c -> Map.of("dateTime", TreatmentIds.rocDateTime(s.times().now()),
                "iso", s.times().iso()));
        router.add("GET", "/ca.pem", c -> new Reply("application/x-pem-file",
                Pem.encode("CERTIFICATE", s.caDer()).getBytes(StandardCharsets.US_ASCII), "idc-ca.pem"));

        router.add("POST", "/v1/sam/auth/begin", c -> s.samAuth().begin(c.required("samId"), c.string("hospitalId"),
                c.required("machineId"), c.required("rndCard")));
        router.add("POST", "/v1/sam/auth/complete", c -> sessionAnswer(
                s.samAuth().complete(c.required("authId"), c.required("cardCryptogram"))));
        router.add("GET", "/v1/sams/{samId}/keys", c -> keys(c.param("samId")));

        router.add("POST", "/v1/cards/auth/begin", c -> s.cardAuth().begin(c.session(), c.required("kind"),
                c.required("cardNo"), c.required("rndCard")));
        router.add("POST", "/v1/cards/auth/complete", c -> s.cardAuth().complete(c.session(), c.required("authId"),
                c.required("cardCryptogram")));

        router.addInline("POST", "/v1/signatures", this::sign);
        router.addInline("POST", "/v1/signatures/verify", this::verify);

        router.add("POST", "/v1/insurance/check", c -> {
            c.session();
            return s.insurance().check(c.required("cardNo"), c.string("idNumber"));
        });

        router.add("POST", "/v1/treatment-ids", this::issueTreatmentId);
        router.add("POST", "/v1/treatment-ids/verify", c -> s.treatmentIds().verify(c.required("treatmentId")));
        router.add("POST", "/v1/treatment-ids/reconcile", c -> {
            Session session = c.session();
            TreatmentIdService.OfflineItem[] items = c.body(Reconcile.class).items;
            return Map.of("results", s.treatmentIds().reconcile(session.samId(), session.hospitalId(),
                    items == null ? List.of() : List.of(items)));
        });

        router.add("POST", "/v1/hpc/fast-auth", c -> tokenAnswer(s.fastAuth().issue(c.session(),
                c.required("hpcCardNo"), c.body().has("pinVerified") && c.body().get("pinVerified").getAsBoolean())));
        router.add("POST", "/v1/hpc/fast-auth/check", c -> {
            c.session();
            return tokenAnswer(s.fastAuth().check(c.required("token")));
        });
        router.add("POST", "/v1/hpc/fast-auth/logout", c -> {
            c.session();
            s.fastAuth().revoke(c.required("token"));
            return Map.of("loggedOut", true);
        });

        router.add("POST", "/v1/cards/contents", c -> {
            c.session();
            return s.cardContents().get(c.required("cardNo"));
        });

        router.add("POST", "/v1/uploads", Router.Access.PUBLIC, MAX_UPLOAD_BODY, this::upload);
        router.add("POST", "/v1/uploads/report", c -> s.uploads().report(c.session(), c.required("serverRandom")));
    }

    /** Body of {@code /v1/treatment-ids/reconcile}. */
    static final class Reconcile {
        TreatmentIdService.OfflineItem[] items;
    }

    private Object sign(Call c) {
        Session session = c.session();
        SignatureType type = type(c.required("type"));
        byte[] data = base64(c.required("data"), "data");
        byte[] sig = s.signatures().sign(session.samId(), type, data);
        // Written by hand, not through Gson: this is the hot route, and every value is digits, an enum name,
        // base64 or hex, so nothing needs escaping.
        StringBuilder out = new StringBuilder(256).append("{\"samId\":\"").append(session.samId())
                .append("\",\"type\":\"").append(type.name()).append("\",\"length\":").append(sig.length)
                .append(",\"signature\":\"").append(Base64.getEncoder().encodeToString(sig)).append('"');
        if (type == SignatureType.VISIT_PRINTABLE) {
            out.append(",\"text\":\"").append(new String(sig, StandardCharsets.US_ASCII)).append('"');
        }
        return Reply.json(out.append('}'));
    }

    private Object verify(Call c) {
        SignatureType type = type(c.required("type"));
        String samId = c.required("samId");
        byte[] data = base64(c.required("data"), "data");
        byte[] sig = c.string("text") != null ? c.string("text").getBytes(StandardCharsets.US_ASCII)
                : base64(c.required("signature"), "signature");
        return Map.of("samId", samId, "type", type.name(), "valid", s.signatures().verify(samId, type, data, sig));
    }

    private Object issueTreatmentId(Call c) {
        Session session = c.session();
        boolean withCard = c.string("cardNo") != null;
        TreatmentRecord r = s.treatmentIds().issue(session.samId(), session.hospitalId(), c.string("visitDateTime"),
                withCard ? TreatmentIds.Source.ONLINE_CARD : TreatmentIds.Source.ONLINE_NO_CARD,
                c.string("sequenceNumber"), c.string("idNumber"));
        return Map.of("treatmentId", r.treatmentId(), "visitDateTime", r.visitDateTime(), "hospitalId", r.hospitalId(),
                "source", r.source());
    }

    private Object upload(Call c) {
        Session session = c.session();
        long size = number(c, "fileSize");
        int records = (int) number(c, "recordCount");
        int prescriptions = c.body().has("prescriptionCount") ? (int) number(c, "prescriptionCount") : 0;
        UploadRecord r = s.uploads().receive(session, c.required("fileName"), size, records, prescriptions,
                base64(c.required("data"), "data"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samId", r.samId());
        out.put("hospitalId", r.hospitalId());
        out.put("uploadDateTime", r.uploadDateTime());
        out.put("receiveDateTime", r.receiveDateTime());
        out.put("serverRandom", r.serverRandom());
        out.put("size", r.size());
        out.put("recordCount", r.recordCount());
        return out;
    }

    private Object keys(String samId) {
        SamRecord sam = s.sams().get(samId).orElseThrow(() -> IdcException.notFound(ResultCode.INVALID_SAM_FILE,
                "SAM " + samId + " is unknown to this IDC"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samId", sam.samId);
        out.put("hospitalId", sam.hospitalId);
        out.put("kind", sam.kind);
        out.put("status", sam.status);
        if (sam.kind == SamRecord.Kind.CLOUD) {
            out.put("visitKey", Map.of("algorithm", "SHA256withRSA", "spki", sam.rsaPublic));
            out.put("prescriptionKey", Map.of("algorithm", "SHA256withDSAinP1363Format", "spki", sam.dsaPublic));
        }
        return out;
    }

    private static Map<String, Object> sessionAnswer(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionToken", session.token());
        out.put("samId", session.samId());
        out.put("hospitalId", session.hospitalId());
        out.put("machineId", session.machineId());
        out.put("expiresAt", java.time.Instant.ofEpochMilli(session.expiresAtMillis()).toString());
        return out;
    }

    private static Map<String, Object> tokenAnswer(FastAuthToken t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", t.token());
        out.put("hpcCardNo", t.hpcCardNo());
        out.put("issuedAt", t.issuedAt());
        out.put("expiresAt", java.time.Instant.ofEpochMilli(t.expiresAtMillis()).toString());
        return out;
    }

    static SignatureType type(String name) {
        try {
            return SignatureType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw IdcException.badRequest("type must be VISIT_RAW, VISIT_PRINTABLE or PRESCRIPTION");
        }
    }

    static byte[] base64(String value, String field) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw IdcException.badRequest(field + " must be base64");
        }
    }

    private static long number(Call c, String field) {
        JsonElement e = c.body().get(field);
        try {
            if (e != null && e.isJsonPrimitive()) {
                return e.getAsLong();
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw IdcException.badRequest(field + " must be a number");
    }

    /** @return the insurance status named, or a 400 */
    static InsuranceStatus status(String name) {
        try {
            return InsuranceStatus.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw IdcException.badRequest("status must be one of " + List.of(InsuranceStatus.values()));
        }
    }
}
