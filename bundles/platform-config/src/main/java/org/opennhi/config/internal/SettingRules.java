// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.opennhi.contracts.platform.PlatformSettings;

/**
 * The allowed form of each text setting of {@value PlatformSettings#PID} that metatype cannot state (it knows
 * options, not patterns). The same rules as the gateway's {@code PUT /settings/platform}, so a value refused there
 * is also refused when it arrives through ConfigAdmin, a configuration file or Gogo.
 */
final class SettingRules {
    /** A SAM folder name: {@code COMX1} … {@code COMX99} (never a path). */
    static final Pattern SAM_PORT = Pattern.compile("COMX[1-9][0-9]?");
    /** A reader type: a short lower-case name (a vendor plugin brings its own, so no fixed options). */
    static final Pattern READER_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** The SAM modes the SAM service knows. */
    static final Pattern SAM_MODE = Pattern.compile(PlatformSettings.SAM_MODE_CLOUD + "|"
            + PlatformSettings.SAM_MODE_PHYSICAL);

    private record Rule(Pattern pattern, String description) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "samPort", new Rule(SAM_PORT, "a SAM folder name COMX1 to COMX99"),
            "readerType", new Rule(READER_TYPE, "a reader type: lower-case letters, digits and '-', e.g. pcsc"),
            "samMode", new Rule(SAM_MODE, "one of cloud, physical"));

    private SettingRules() {
    }

    /**
     * @param name a setting's name
     * @param value its new value (null: unset, the default applies)
     * @return why the value is refused; empty when it may be used
     */
    static Optional<String> refusal(String name, Object value) {
        Rule rule = RULES.get(name);
        if (rule == null || value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || !rule.pattern().matcher(text).matches()) {
            return Optional.of(name + " must be " + rule.description() + ", not " + shown(value));
        }
        return Optional.empty();
    }

    /** @return the names that have a rule */
    static Iterable<String> names() {
        return RULES.keySet();
    }

    /** A refused value is shown quoted and cut short: it may be anything, but is never a secret setting. */
    private static String shown(Object value) {
        String s = String.valueOf(value).replaceAll("[\\p{Cntrl}]", "?");
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}
