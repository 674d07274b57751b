// SPDX-License-Identifier: Apache-2.0
package org.opennhi.config.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one run of the legacy import did, written for a person: ops read it in {@code LOG/}. */
final class ImportReport {
    private final Instant time;
    private final Path folder;
    private final List<String> lines = new ArrayList<>();
    private boolean problems;
    private boolean appliedAny;

    ImportReport(Instant time, Path folder) {
        this.time = time;
        this.folder = folder;
    }

    void note(String text) {
        lines.add(text);
    }

    void unchanged(LegacyImport.Result result) {
        lines.add(result.file() + ": unchanged since the last import, nothing applied");
        listUnknownAndProblems(result);
    }

    void applied(LegacyImport.Result result, String pid) {
        appliedAny = true;
        lines.add(result.file() + ": imported into " + pid);
        for (String a : result.applied()) {
            lines.add("  applied  " + a);
        }
        listUnknownAndProblems(result);
    }

    private void listUnknownAndProblems(LegacyImport.Result result) {
        for (String u : result.unknown()) {
            lines.add("  unknown  " + u + " (kept, not used)");
        }
        for (IniFile.Problem p : result.problems()) {
            problems = true;
            lines.add("  problem  " + result.file() + " line " + p.line() + ": " + p.reason() + ": '" + p.text().strip()
                    + "' (ignored)");
        }
    }

    /** @return whether any file was applied in this run */
    boolean appliedAny() {
        return appliedAny;
    }

    boolean hasProblems() {
        return problems;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Legacy INI import at ").append(time).append(" from ").append(folder).append('\n');
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
