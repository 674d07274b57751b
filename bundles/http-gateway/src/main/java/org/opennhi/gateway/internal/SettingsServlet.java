// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.opennhi.contracts.platform.AuditRecord;
import org.opennhi.contracts.platform.HttpApi;
import org.opennhi.contracts.platform.PlatformEvents;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.platform.ReaderMapping;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /settings/<group>} shows a group of settings, {@code PUT /settings/<group>} changes some of them
 * (e.g. {@code {"readerType":"nhi-com"}}, the official csUpRDType). Values are checked against the settings'
 * metatype (name, type, allowed values) and written to ConfigAdmin, which applies them live, exactly like a
 * change from Gogo or the legacy INI import. JSON only, so a form on a foreign page cannot post here.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/settings/*",
    "osgi.http.whiteboard.context.select=" + HttpApi.CONTEXT_SELECT})
public final class SettingsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 16 * 1024;
    /** The groups the API may change, by name in the URL. */
    /** The groups and their PIDs; "audit" is the platform-events bundle's (retention, size cap, per-call records). */
    static final Map<String, String> GROUPS = Map.of("platform", PlatformSettings.PID, "readers", ReaderMapping.PID,
            "audit", "opennhi.events");

    private final transient BundleContext context;
    private final transient ConfigurationAdmin configAdmin;
    private final transient MetaTypeService metaType;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PlatformEvents events;

    @Activate
    public SettingsServlet(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.metaType = metaType;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<String> pid = pid(req, res);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ObjectClassDefinition> ocd = definition(pid.get());
        if (ocd.isEmpty()) {
            Json.write(res, 503, Json.error("not_ready", "The settings' description is not available yet."));
            return;
        }
        Json.write(res, 200, current(pid.get(), ocd.get()));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<String> pid = pid(req, res);
        if (pid.isEmpty()) {
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            Json.write(res, 415, Json.error("json_only", "Send the settings as application/json."));
            return;
        }
        if (req.getContentLengthLong() > MAX_BODY) {
            Json.write(res, 413, Json.error("too_large", "Settings are at most " + MAX_BODY + " bytes."));
            return;
        }
        Optional<ObjectClassDefinition> ocd = definition(pid.get());
        if (ocd.isEmpty()) {
            Json.write(res, 503, Json.error("not_ready", "The settings' description is not available yet."));
            return;
        }
        JsonObject body;
        try (Reader in = req.getReader()) {
            // one read() may return part of the body: read until the end or one past the limit
            char[] buf = new char[MAX_BODY + 1];
            int n = 0;
            for (int got; n < buf.length && (got = in.read(buf, n, buf.length - n)) > 0;) {
                n += got;
            }
            if (n > MAX_BODY) {
                Json.write(res, 413, Json.error("too_large", "Settings are at most " + MAX_BODY + " bytes."));
                return;
            }
            JsonElement parsed = JsonParser.parseString(new String(buf, 0, n));
            if (!parsed.isJsonObject()) {
                Json.write(res, 400, Json.error("bad_json", "Send a JSON object of settings."));
                return;
            }
            body = parsed.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            Json.write(res, 400, Json.error("bad_json", "The body is not valid JSON."));
            return;
        }
        Map<String, AttributeDefinition> known = new LinkedHashMap<>();
        for (AttributeDefinition ad : ocd.get().getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            known.put(ad.getID(), ad);
        }
        Hashtable<String, Object> changes = new Hashtable<>();
        for (Map.Entry<String, JsonElement> e : body.entrySet()) {
            AttributeDefinition ad = known.get(e.getKey());
            if (ad == null) {
                Json.write(res, 400, Json.error("unknown_setting", "'" + e.getKey() + "' is not a setting of this group;"
                        + " known: " + String.join(", ", known.keySet())));
                return;
            }
            Object value = convert(ad, e.getValue());
            if (value == null) {
                Json.write(res, 400, Json.error("bad_value", "'" + e.getKey() + "' takes " + describe(ad) + "."));
                return;
            }
            changes.put(ad.getID(), value);
        }
        Configuration c = configAdmin.getConfiguration(pid.get(), "?");
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        Map<String, Object> before = new LinkedHashMap<>();
        changes.keySet().forEach(k -> before.put(k, props.get(k)));
        changes.forEach(props::put);
        if (c.updateIfDifferent(props)) {
            audit(group(req), before, changes, HttpApi.caller(req.getAttribute(HttpApi.CLIENT_ATTRIBUTE),
                    req.getHeader(HttpApi.CLIENT_HEADER)));
        }
        Map<String, Object> answer = current(pid.get(), ocd.get());
        answer.putAll(changes);
        Json.write(res, 200, answer);
    }

    /**
     * One administrative record per setting changed, naming who asked (the configuration listener's records do
     * not know). A reader or SAM switch names its new type (never a secret); other settings only their name.
     */
    private void audit(String group, Map<String, Object> before, Map<String, Object> after, String caller) {
        PlatformEvents e = events;
        if (e == null) {
            return;
        }
        for (Map.Entry<String, Object> change : after.entrySet()) {
            String key = change.getKey();
            if (java.util.Objects.deepEquals(before.get(key), change.getValue())) {
                continue;
            }
            String action = !"platform".equals(group) ? "settings:" + group + "." + key
                    : "readerType".equals(key) ? "readerSwitch:" + change.getValue()
                    : "samMode".equals(key) ? "samSwitch:" + change.getValue() : "settings:platform." + key;
            e.record(AuditRecord.admin(action, caller, 0));
        }
    }

    private static String group(HttpServletRequest req) {
        return req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
    }

    private Optional<String> pid(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String pid = GROUPS.get(group(req));
        if (pid == null) {
            Json.write(res, 404, Json.error("unknown_group", "Settings groups: " + String.join(", ",
                    GROUPS.keySet().stream().sorted().toList())));
            return Optional.empty();
        }
        return Optional.of(pid);
    }

    private Map<String, Object> current(String pid, ObjectClassDefinition ocd) throws IOException {
        Dictionary<String, Object> props = configAdmin.getConfiguration(pid, "?").getProperties();
        Map<String, Object> out = new LinkedHashMap<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            Object v = props == null ? null : props.get(ad.getID());
            out.put(ad.getID(), v != null ? v : defaultValue(ad));
        }
        return out;
    }

    private Optional<ObjectClassDefinition> definition(String pid) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info != null && Arrays.asList(info.getPids()).contains(pid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }

    /** @return the value in the setting's type, or null when it does not fit */
    static Object convert(AttributeDefinition ad, JsonElement json) {
        if (!json.isJsonPrimitive()) {
            return null;
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        Object value;
        switch (ad.getType()) {
            case AttributeDefinition.BOOLEAN:
                value = p.isBoolean() ? p.getAsBoolean() : null;
                break;
            case AttributeDefinition.LONG:
            case AttributeDefinition.INTEGER:
                if (!p.isNumber() || p.getAsDouble() != Math.rint(p.getAsDouble())) {
                    return null;
                }
                value = ad.getType() == AttributeDefinition.LONG ? (Object) p.getAsLong() : (Object) p.getAsInt();
                break;
            case AttributeDefinition.STRING:
                value = p.isString() ? p.getAsString() : null;
                break;
            default:
                return null;
        }
        if (value == null) {
            return null;
        }
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(value.toString())) {
            return null;
        }
        TextRule rule = TEXT_RULES.get(ad.getID());
        if (rule != null && !rule.pattern().matcher(value.toString()).matches()) {
            return null;
        }
        String verdict = ad.validate(value.toString());
        return verdict == null || verdict.isEmpty() ? value : null;
    }

    /** A text setting's form, where metatype cannot say it: nothing else is taken (and so persisted). */
    private record TextRule(java.util.regex.Pattern pattern, String description) {
    }

    private static final Map<String, TextRule> TEXT_RULES = Map.of(
            "samPort", new TextRule(java.util.regex.Pattern.compile("COMX[1-9][0-9]?"),
                    "a SAM folder name COMX1 to COMX99"),
            "readerType", new TextRule(java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,31}"),
                    "a reader type: lower-case letters, digits and '-', e.g. pcsc or nhi-com"));

    private static String describe(AttributeDefinition ad) {
        TextRule rule = TEXT_RULES.get(ad.getID());
        if (rule != null) {
            return rule.description();
        }
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0) {
            return "one of " + String.join(", ", options);
        }
        switch (ad.getType()) {
            case AttributeDefinition.BOOLEAN:
                return "true or false";
            case AttributeDefinition.LONG:
            case AttributeDefinition.INTEGER:
                return "a whole number";
            default:
                return "a text";
        }
    }

    private static Object defaultValue(AttributeDefinition ad) {
        String[] d = ad.getDefaultValue();
        if (d == null || d.length == 0) {
            return null;
        }
        switch (ad.getType()) {
            case AttributeDefinition.BOOLEAN:
                return Boolean.parseBoolean(d[0]);
            case AttributeDefinition.LONG:
                return Long.parseLong(d[0]);
            case AttributeDefinition.INTEGER:
                return Integer.parseInt(d[0]);
            default:
                return d[0];
        }
    }
}
