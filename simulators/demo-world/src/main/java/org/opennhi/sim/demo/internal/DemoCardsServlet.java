// SPDX-License-Identifier: Apache-2.0
package org.opennhi.sim.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.result.NhiException;
import org.opennhi.sim.card.CardInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /demo/cards} on the local API (so behind its token, Host/Origin and CSRF checks): {@code GET} lists the
 * fixture cards and what each reader holds; {@code POST {"slot":"hc","card":"900000000002"}} inserts a card,
 * {@code POST {"slot":"hc"}} takes it out, {@code POST {"slot":"hc","action":"authenticate"}} authenticates the
 * card with the SAM (what the engine does at a card's first protected call), and
 * {@code POST {"slot":"hpc","action":"verify-pin","pin":"1234"}} verifies the HPC's PIN (an explicit API
 * argument, as hpcVerifyHPCPIN takes it; never logged). {@code nhi-cs ctl card …} is a front for it.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/demo/cards",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class DemoCardsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final transient DemoCards cards;

    @Activate
    public DemoCardsServlet(@Reference DemoCards cards) {
        this.cards = cards;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> inserted = new LinkedHashMap<>();
        cards.inserted().forEach((s, n) -> inserted.put(s.name(), n.orElse(null)));
        out.put("inserted", inserted);
        List<Map<String, Object>> list = new ArrayList<>();
        for (CardInfo c : cards.fixtures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", c.number());
            m.put("kind", c.kind().name());
            m.put("holder", c.holder());
            m.put("environment", c.environment().name());
            m.put("purpose", c.purpose());
            list.add(m);
        }
        out.put("fixtures", list);
        write(res, 200, out);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonObject body;
        try {
            body = JsonParser.parseString(new String(req.getInputStream().readNBytes(4096), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            write(res, 400, Map.of("error", "bad_request", "message", "send JSON: {\"slot\":\"hc\",\"card\":\"…\"}"));
            return;
        }
        JsonElement slot = body.get("slot");
        JsonElement card = body.get("card");
        try {
            if (slot == null || !slot.isJsonPrimitive()) {
                throw new IllegalArgumentException("slot must be hc or hpc");
            }
            String message;
            JsonElement action = body.get("action");
            if (action != null && "authenticate".equals(action.getAsString())) {
                message = cards.authenticate(slot.getAsString());
            } else if (action != null && "verify-pin".equals(action.getAsString())) {
                JsonElement pin = body.get("pin");
                if (DemoCards.slot(slot.getAsString()) != org.opennhi.contracts.reader.Slot.HPC || pin == null
                        || !pin.isJsonPrimitive()) {
                    throw new IllegalArgumentException("send {\"slot\":\"hpc\",\"action\":\"verify-pin\",\"pin\":\"…\"}");
                }
                message = cards.verifypin(pin.getAsString());
            } else if (card == null || card.isJsonNull() || card.getAsString().isBlank()) {
                message = cards.remove(slot.getAsString());
            } else {
                String number = card.getAsString().strip();
                if (!cards.exists(number)) {
                    throw new IllegalArgumentException("no simulated card with number " + number
                            + "; GET /demo/cards lists them");
                }
                message = cards.insert(slot.getAsString(), number);
            }
            write(res, 200, Map.of("message", message));
        } catch (IllegalArgumentException e) {
            write(res, 400, Map.of("error", "bad_request", "message", e.getMessage()));
        } catch (IllegalStateException e) {
            write(res, 409, Map.of("error", "not_ready", "message", e.getMessage()));
        } catch (NhiException e) {
            write(res, 422, Map.of("error", "nhi_" + e.result().code(), "code", e.result().code(),
                    "message", e.getMessage()));
        }
    }

    private static void write(HttpServletResponse res, int status, Object body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write(GSON.toJson(body));
    }
}
