// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.opennhi.contracts.platform.ReaderMapping;

/**
 * Turns the legacy {@code csdll.ini} and {@code ReaderCFG<n>.ini} into configuration properties, keeping
 * every key it does not know and every problem, each with its line number.
 */
final class LegacyImport {
    /** Property that records the unknown legacy entries, so nothing the clinic wrote is lost. */
    static final String UNKNOWN_PROPERTY = "legacy.unknown";

    private static final Pattern SAM_PORT = Pattern.compile("COMX[1-9][0-9]?");

    /** csdll.ini switches: legacy key → platform property. Official defaults live in {@link PlatformConfig}. */
    private static final Map<String, String> SWITCHES = Map.of(
            "HPCFASTAUTH", "hpcFastAuth",
            "CSWATCH", "watchOverlay",
            "CSREMOTE", "remoteDesktop",
            "CLSCSFSIM", "keepHisOnConsoleClose",
            "CSFSIM", "openConsoleOnCall");

    private static final Map<String, String> READER_NAMES = Map.of(
            "HC_READERNAME", "hcReaderName",
            "HPC_READERNAME", "hpcReaderName");

    /** What one legacy file contributes. */
    record Result(String file, Map<String, Object> properties, List<String> applied, List<String> unknown,
            List<IniFile.Problem> problems) {
        Result {
            properties = Map.copyOf(properties);
            applied = List.copyOf(applied);
            unknown = List.copyOf(unknown);
            problems = List.copyOf(problems);
        }
    }

    /** Unknown entries kept in the configuration at most: a clinic's own keys are a handful, junk is not kept. */
    static final int MAX_UNKNOWN = 100;

    private LegacyImport() {
    }

    private static String[] kept(List<String> unknown) {
        if (unknown.size() <= MAX_UNKNOWN) {
            return unknown.toArray(String[]::new);
        }
        List<String> first = new ArrayList<>(unknown.subList(0, MAX_UNKNOWN));
        first.add("… and " + (unknown.size() - MAX_UNKNOWN) + " more entries not kept");
        return first.toArray(String[]::new);
    }

    static Result csdll(String file, IniFile ini) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> applied = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<IniFile.Problem> problems = new ArrayList<>(ini.problems());
        for (IniFile.Entry e : ini.entries()) {
            String key = e.key().toUpperCase(Locale.ROOT);
            String property = SWITCHES.get(key);
            if (property != null) {
                Boolean value = parseSwitch(e.value());
                if (value == null) {
                    problems.add(new IniFile.Problem(e.line(), e.key() + "=" + e.value(),
                            e.key() + " must be ENABLE or DISABLE"));
                } else {
                    props.put(property, value);
                    applied.add(e.qualifiedKey() + "=" + e.value() + " -> " + property + "=" + value);
                }
            } else if (key.equals("COM") && e.section().equalsIgnoreCase("CS")) {
                String port = e.value().toUpperCase(Locale.ROOT);
                if (SAM_PORT.matcher(port).matches()) {
                    props.put("samPort", port);
                    applied.add(e.qualifiedKey() + "=" + e.value() + " -> samPort=" + port);
                } else {
                    problems.add(new IniFile.Problem(e.line(), e.key() + "=" + e.value(),
                            "[CS] COM must name a SAM folder COMX1..COMX99"));
                }
            } else {
                unknown.add(e.qualifiedKey() + "=" + e.value());
            }
        }
        if (!unknown.isEmpty()) {
            props.put(UNKNOWN_PROPERTY, kept(unknown));
        }
        return new Result(file, props, applied, unknown, problems);
    }

    static Result readerConfig(String file, IniFile ini) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> applied = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<IniFile.Problem> problems = new ArrayList<>(ini.problems());
        for (IniFile.Entry e : ini.entries()) {
            String property = READER_NAMES.get(e.key().toUpperCase(Locale.ROOT));
            if (property != null) {
                props.put(property, e.value());
                applied.add(e.qualifiedKey() + "=" + e.value() + " -> " + ReaderMapping.PID + "." + property);
            } else {
                unknown.add(e.qualifiedKey() + "=" + e.value());
            }
        }
        if (!unknown.isEmpty()) {
            props.put(UNKNOWN_PROPERTY, kept(unknown));
        }
        return new Result(file, props, applied, unknown, problems);
    }

    /**
     * The reader configuration file that belongs to a SAM port: {@code COMX1} uses {@code ReaderCFG0.ini},
     * {@code COMX2} {@code ReaderCFG1.ini}, as the official console numbers them.
     */
    static String readerConfigFileFor(String samPort) {
        int n = SAM_PORT.matcher(samPort).matches() ? Integer.parseInt(samPort.substring(4)) - 1 : 0;
        return "ReaderCFG" + n + ".ini";
    }

    private static Boolean parseSwitch(String value) {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "ENABLE":
                return Boolean.TRUE;
            case "DISABLE":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
