// SPDX-License-Identifier: Apache-2.0
package org.opennhi.engine.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.opennhi.contracts.idc.IdcVisitService;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.contracts.result.ResultCode;
import org.opennhi.sim.idc.IdcSimulator;
import org.opennhi.idc.client.CloudSamCard;
import org.opennhi.idc.client.SamFile;
import org.opennhi.idc.client.TreatmentIds;

/**
 * The IDC's visit services spoken to the real IDC simulator (docs/idc-protocol.md §4, §7, §8) with a cloud SAM
 * file downloaded from its portal. For engine tests: in the platform this belongs to the SAM plugins, which
 * hold the IDC session. A connection that fails is 4061, as the platform maps it.
 */
public final class IdcVisitClient implements IdcVisitService {
    private final IdcSimulator idc;
    private final HttpClient http;
    private final SamFile sam;
    private String session;
    /** What the platform's visit service journals on disk: kept in memory here, for one test class. */
    private final List<OfflineTreatmentId> pending = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Downloads the test SAM file of {@code hospitalId} and authenticates it. */
    public IdcVisitClient(IdcSimulator idc, String hospitalId) throws Exception {
        this.idc = idc;
        this.http = HttpClient.newBuilder().sslContext(idc.clientTlsContext()).connectTimeout(Duration.ofSeconds(15))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JsonObject apps = get("/portal/applications?hospitalId=" + hospitalId);
        String no = apps.getAsJsonArray("applications").get(0).getAsJsonObject().get("applicationNo")
                .getAsString();
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(idc.baseUri().resolve("/portal/applications/"
                + no + "/download")).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry e = in.getNextEntry();
            if (e == null) {
                throw new IllegalStateException("no SAM file in the download");
            }
            this.sam = SamFile.parse(in.readAllBytes());
        }
        authenticate();
    }

    private void authenticate() throws NhiException {
        CloudSamCard card = new CloudSamCard(sam, new SecureRandom());
        JsonObject begin = new JsonObject();
        begin.addProperty("samId", sam.samId());
        begin.addProperty("hospitalId", sam.hospitalId());
        begin.addProperty("machineId", "ENGINE-TEST");
        begin.addProperty("rndCard", card.challenge());
        JsonObject host = post("/v1/sam/auth/begin", begin, false);
        JsonObject complete = new JsonObject();
        complete.addProperty("authId", host.get("authId").getAsString());
        try {
            complete.addProperty("cardCryptogram", card.answer(host.get("hostData").getAsString()));
        } catch (Exception e) {
            throw new NhiException(ResultCode.SAM_IDC_AUTH_FAILED, "the IDC's cryptogram is wrong");
        }
        session = post("/v1/sam/auth/complete", complete, false).get("sessionToken").getAsString();
    }

    /** @return the SAM file in use */
    public SamFile samFile() {
        return sam;
    }

    @Override
    public ResultCode checkInsurance(String cardNumber, String idNumber) throws NhiException {
        JsonObject body = new JsonObject();
        body.addProperty("cardNo", cardNumber);
        if (idNumber != null) {
            body.addProperty("idNumber", idNumber);
        }
        int code = post("/v1/insurance/check", body, true).get("code").getAsInt();
        return ResultCode.of(code).orElse(ResultCode.INSURANCE_OTHER);
    }

    @Override
    public String issueTreatmentId(String visitDateTime, Optional<String> cardNumber, String sequenceNumber,
            String idNumber) throws NhiException {
        JsonObject body = new JsonObject();
        body.addProperty("visitDateTime", visitDateTime);
        cardNumber.ifPresent(c -> body.addProperty("cardNo", c));
        if (sequenceNumber != null) {
            body.addProperty("sequenceNumber", sequenceNumber);
        }
        if (idNumber != null) {
            body.addProperty("idNumber", idNumber);
        }
        return post("/v1/treatment-ids", body, true).get("treatmentId").getAsString();
    }

    @Override
    public String offlineTreatmentId(LocalDateTime visitTime, String idNumber) {
        String id = TreatmentIds.offline(sam.hospitalId(), sam.samId(), sam.authKey(), visitTime, idNumber);
        pending.add(new OfflineTreatmentId(id, TreatmentIds.rocDateTime(visitTime.withNano(0)), idNumber));
        return id;
    }

    @Override
    public int pendingOfflineIds() {
        return pending.size();
    }

    @Override
    public int reconcilePending() throws NhiException {
        List<OfflineTreatmentId> batch = List.copyOf(pending);
        if (batch.isEmpty()) {
            return 0;
        }
        return (int) reconcile(batch).stream().filter(Reconciliation::accepted).count();
    }

    @Override
    public List<Reconciliation> reconcile(List<OfflineTreatmentId> ids) throws NhiException {
        JsonArray items = new JsonArray();
        for (OfflineTreatmentId id : ids) {
            JsonObject i = new JsonObject();
            i.addProperty("treatmentId", id.treatmentId());
            i.addProperty("visitDateTime", id.visitDateTime());
            i.addProperty("idNumber", id.idNumber());
            items.add(i);
        }
        JsonObject body = new JsonObject();
        body.add("items", items);
        List<Reconciliation> out = new ArrayList<>();
        for (var e : post("/v1/treatment-ids/reconcile", body, true).getAsJsonArray("results")) {
            JsonObject r = e.getAsJsonObject();
            String outcome = r.get("outcome").getAsString();
            String id = r.get("treatmentId").getAsString();
            out.add(new Reconciliation(id, outcome.equals("ACCEPTED") || outcome.equals("ALREADY_RECONCILED"),
                    outcome));
            pending.removeIf(p -> p.treatmentId().equals(id));
        }
        return out;
    }

    /** @return what the IDC says of a treatment id (§8 verify) */
    public JsonObject verify(String treatmentId) throws NhiException {
        JsonObject body = new JsonObject();
        body.addProperty("treatmentId", treatmentId);
        return post("/v1/treatment-ids/verify", body, false);
    }

    /**
     * One request in this SAM's IDC session, as {@code SamService.callIdc}: for the engine's uploads.
     *
     * @return the answer's JSON
     */
    public String call(String route, String jsonBody) throws NhiException {
        return post(route, JsonParser.parseString(jsonBody).getAsJsonObject(), true).toString();
    }

    /** An operator route (§13) with the admin token, e.g. {@code PUT /admin/card-contents/…}: its answer. */
    public JsonObject admin(String method, String path, String json) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(idc.baseUri().resolve(path))
                .header("Content-Type", "application/json").header("X-Admin-Token", idc.adminToken())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + a.body());
        }
        return JsonParser.parseString(a.body()).getAsJsonObject();
    }

    /** Sets the IDC's fault rules (§13), e.g. {@code [{"pathPrefix":"/v1/treatment-ids","drop":true}]}. */
    public void faults(String rulesJson) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(idc.baseUri().resolve("/admin/faults"))
                .header("Content-Type", "application/json").header("X-Admin-Token", idc.adminToken())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rules\":" + rulesJson + "}")).build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new IllegalStateException("faults: " + a.body());
        }
    }

    private JsonObject get(String path) throws IOException, InterruptedException {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(idc.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(a.body()).getAsJsonObject();
    }

    private JsonObject post(String path, JsonObject body, boolean bearer) throws NhiException {
        HttpRequest.Builder r = HttpRequest.newBuilder(idc.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (bearer) {
            r.header("Authorization", "Bearer " + session);
        }
        HttpResponse<String> a;
        try {
            a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NhiException(ResultCode.NETWORK_DOWN, "the IDC cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NhiException(ResultCode.NETWORK_DOWN, "interrupted");
        }
        JsonObject json = JsonParser.parseString(a.body()).getAsJsonObject();
        if (a.statusCode() != 200) {
            int code = json.has("code") ? json.get("code").getAsInt() : 9004;
            ResultCode rc = path.startsWith("/v1/treatment-ids") && code != 9004 ? ResultCode.TREATMENT_ID_FAILED
                    : ResultCode.of(code).orElse(ResultCode.IDC_UNAVAILABLE);
            throw new NhiException(rc, path + " answered " + a.statusCode() + "/" + code + " "
                    + (json.has("detail") ? json.get("detail").getAsString() : ""));
        }
        return json;
    }
}
