// SPDX-License-Identifier: Apache-2.0
package org.opennhi.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opennhi.contracts.platform.Facade;
import org.opennhi.contracts.platform.PlatformSettings;
import org.opennhi.contracts.reader.ReaderService;
import org.opennhi.contracts.reader.ReaderStatus;
import org.opennhi.contracts.reader.Slot;
import org.opennhi.contracts.reader.SlotState;
import org.opennhi.contracts.sam.SamIdentity;
import org.opennhi.contracts.sam.SamService;
import org.opennhi.contracts.sam.SamStatus;

/**
 * What {@code /status} shows, taken from the services as they are now: platform and facade versions, reader
 * type and SAM mode, each slot with its light, plugins, the last error and the notices. A plugin that throws
 * is reported, never allowed to break the page.
 */
final class StatusSnapshot {
    static final String PLATFORM_NAME = "Open NHI card control platform";

    /** The services a snapshot reads; any may be absent (null). */
    record Sources(PlatformSettings settings, ReaderService readers, SamService sam, List<Facade> facades) {
    }

    private final String version;
    private final Instant started;
    private final PluginHealth plugins;
    private final CardLights lights;
    private final NoticeBoard notices;

    StatusSnapshot(String version, Instant started, PluginHealth plugins, CardLights lights, NoticeBoard notices) {
        this.version = version;
        this.started = started;
        this.plugins = plugins;
        this.lights = lights;
        this.notices = notices;
    }

    Map<String, Object> take(Sources sources, Map<String, Object> lastError) {
        PlatformSettings s = sources.settings();
        ReaderService r = sources.readers();
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("name", PLATFORM_NAME);
        platform.put("version", version);
        platform.put("demo", s != null && s.demo());
        platform.put("startedAt", started.toString());
        platform.put("uptimeSeconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.put("platform", platform);

        List<Map<String, Object>> facadeList = new ArrayList<>();
        sources.facades().stream().sorted(Comparator.comparing(Facade::name)).forEach(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("name", f.name());
            fm.put("version", f.version());
            facadeList.add(fm);
        });
        out.put("facades", facadeList);

        Map<String, Object> reader = new LinkedHashMap<>();
        reader.put("type", s == null ? null : s.readerType());
        reader.put("active", r != null);
        ReaderStatus rs = r == null ? ReaderStatus.offline("no reader plugin is installed") : safeStatus(r);
        reader.put("status", rs.availability().name());
        reader.put("reason", rs.reason());
        out.put("reader", reader);

        out.put("sam", samPart(s, sources.sam()));
        out.put("plugins", plugins.report());
        out.put("slots", slotsPart(r));
        out.put("lastError", lastError);
        out.put("notices", notices.current());
        out.put("recentNotices", notices.recent());

        if (s != null) {
            Map<String, Object> settingsPart = new LinkedHashMap<>();
            settingsPart.put("readerType", s.readerType());
            settingsPart.put("samMode", s.samMode());
            settingsPart.put("samPort", s.samPort());
            settingsPart.put("hpcFastAuth", s.hpcFastAuth());
            settingsPart.put("watchOverlay", s.watchOverlay());
            settingsPart.put("remoteDesktop", s.remoteDesktop());
            out.put("settings", settingsPart);
        }
        return out;
    }

    private static Map<String, Object> samPart(PlatformSettings s, SamService m) {
        Map<String, Object> samPart = new LinkedHashMap<>();
        samPart.put("mode", s == null ? null : s.samMode());
        samPart.put("active", m != null);
        SamStatus status = SamStatus.ABSENT;
        SamIdentity id = null;
        try {
            if (m != null) {
                status = m.status();
                id = m.identity().orElse(null);
            }
        } catch (RuntimeException e) {
            status = SamStatus.NOT_A_SAM;
            samPart.put("reason", "SAM plugin failed: " + e);
        }
        samPart.put("status", status.legacyValue());
        samPart.put("state", status.name());
        samPart.put("hospitalId", id == null ? null : id.hospitalId());
        samPart.put("samId", id == null ? null : id.samId());
        samPart.put("environment", id == null ? null : id.environment().map(Enum::name).orElse(null));
        return samPart;
    }

    private Map<String, Object> slotsPart(ReaderService r) {
        Map<String, Object> slots = new LinkedHashMap<>();
        for (Slot slot : Slot.values()) {
            SlotState state = r == null ? SlotState.unmapped(slot, "no reader plugin is installed") : safeSlot(r, slot);
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("reader", state.readerName());
            sm.put("status", state.status().availability().name());
            sm.put("reason", state.status().reason());
            sm.put("cardPresent", state.cardPresent());
            if (slot != Slot.SAM) {
                Light light = Light.of(slot, state.cardPresent(), lights.reported(slot));
                sm.put("cardStatus", light.value());
                sm.put("light", light.colour());
                sm.put("lightLabel", light.label());
            }
            slots.put(slot.name(), sm);
        }
        return slots;
    }

    private static ReaderStatus safeStatus(ReaderService r) {
        try {
            return r.status();
        } catch (RuntimeException e) {
            return ReaderStatus.offline("reader plugin failed: " + e);
        }
    }

    private static SlotState safeSlot(ReaderService r, Slot slot) {
        try {
            return r.slot(slot);
        } catch (RuntimeException e) {
            return SlotState.unmapped(slot, "reader plugin failed: " + e);
        }
    }
}
