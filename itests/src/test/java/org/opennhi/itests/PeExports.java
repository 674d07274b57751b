// SPDX-License-Identifier: Apache-2.0
package org.opennhi.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Windows DLL as binutils' objdump reads it from its bytes (no Windows, no wine): its file format, its export
 * table (names and entry addresses) and, for i386, each export's stack cleanup — the immediate of every
 * {@code ret $N} its code can reach, following direct jumps that leave the function (a tail call into a shared
 * helper, a cold part), since a stdcall function whose {@code ret} pops the wrong size corrupts the caller's stack.
 */
final class PeExports {
    private static final Pattern FORMAT = Pattern.compile("file format (\\S+)");
    private static final Pattern IMAGE_BASE = Pattern.compile("(?m)^ImageBase\\s+([0-9a-fA-F]+)");
    private static final Pattern EAT_ROW = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)\\]\\s+\\+base\\[\\s*\\d+\\]\\s+([0-9a-f]+)\\s+(\\w+) RVA");
    private static final Pattern NAME_ROW = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)\\]\\s+(?:\\+base\\[\\s*\\d+\\]\\s+)?(\\S+)\\s*$");
    private static final Pattern LABEL = Pattern.compile("^([0-9a-f]+) <(.+)>:$");
    private static final Pattern INSN = Pattern.compile("^\\s*([0-9a-f]+):\\t(.*)$");
    private static final Set<String> PREFIXES = Set.of("repz", "rep", "repnz", "bnd", "notrack", "lock", "data16");

    final Path file;
    final String format;
    /** export name → its code's virtual address, in the name table's order */
    final Map<String, Long> exports = new LinkedHashMap<>();
    /** the DLLs it imports from, lower case */
    final Set<String> imports = new TreeSet<>();

    private record Insn(long address, String mnemonic, String operands) {
    }

    private final NavigableMap<Long, Insn> code = new TreeMap<>();
    private final NavigableMap<Long, String> labels = new TreeMap<>();

    private PeExports(Path file, String format) {
        this.file = file;
        this.format = format;
    }

    /** Reads the file's format and export table ({@code objdump -f -p}); disassembles it when asked. */
    static PeExports read(Path dll, boolean disassemble) throws Exception {
        String head = objdump("-f", dll);
        Matcher f = FORMAT.matcher(head);
        if (!f.find()) {
            throw new AssertionError("objdump -f names no file format for " + dll + ":\n" + head);
        }
        PeExports pe = new PeExports(dll, f.group(1));
        String p = objdump("-p", dll);
        Matcher base = IMAGE_BASE.matcher(p);
        if (!base.find()) {
            throw new AssertionError("objdump -p shows no ImageBase for " + dll);
        }
        long imageBase = Long.parseUnsignedLong(base.group(1), 16);
        Map<Integer, Long> eat = new TreeMap<>();
        String table = "";
        for (String line : p.split("\n")) {
            if (line.trim().startsWith("DLL Name:")) {
                pe.imports.add(line.trim().substring("DLL Name:".length()).trim().toLowerCase(Locale.ROOT));
            }
            if (line.startsWith("Export Address Table --")) {
                table = "eat";
            } else if (line.startsWith("[Ordinal/Name Pointer] Table")) {
                table = "names";
            } else if (line.isBlank() || !line.startsWith("\t")) {
                table = "";
            } else if (table.equals("eat")) {
                Matcher m = EAT_ROW.matcher(line);
                if (!m.find() || !m.group(3).equals("Export")) {
                    throw new AssertionError(dll + ": an export that is not code of this DLL: " + line);
                }
                eat.put(Integer.parseInt(m.group(1)), imageBase + Long.parseLong(m.group(2), 16));
            } else if (table.equals("names")) {
                // the bracket is the name's ordinal (index into the address table), not its position
                Matcher m = NAME_ROW.matcher(line);
                if (!m.find() || !eat.containsKey(Integer.parseInt(m.group(1)))) {
                    throw new AssertionError(dll + ": unreadable export name row: " + line);
                }
                if (pe.exports.put(m.group(2), eat.get(Integer.parseInt(m.group(1)))) != null) {
                    throw new AssertionError(dll + ": " + m.group(2) + " exported twice");
                }
            }
        }
        if (disassemble) {
            pe.disassemble();
        }
        return pe;
    }

    private void disassemble() throws Exception {
        for (String line : objdump("-d", "--no-show-raw-insn", file).split("\n")) {
            Matcher l = LABEL.matcher(line);
            Matcher i = INSN.matcher(line);
            if (l.matches()) {
                labels.put(Long.parseUnsignedLong(l.group(1), 16), l.group(2));
            } else if (i.matches()) {
                String[] words = i.group(2).trim().split("\\s+", 2);
                while (PREFIXES.contains(words[0]) && words.length > 1) {
                    words = words[1].trim().split("\\s+", 2);
                }
                long at = Long.parseUnsignedLong(i.group(1), 16);
                code.put(at, new Insn(at, words[0], words.length > 1 ? words[1].trim() : ""));
            }
        }
        if (code.isEmpty()) {
            throw new AssertionError("objdump -d shows no code in " + file);
        }
    }

    /** The symbol objdump shows at an address (the compiler's decorated name, e.g. _hisGetBasicData@8), or null. */
    String label(long address) {
        return labels.get(address);
    }

    /**
     * The bytes each {@code ret} reachable from an export pops (0 for a plain {@code ret}). The function is
     * its code up to the next symbol or export; a direct jump out of it is followed (a tail call: the callee's
     * {@code ret} is the one that returns to the HIS), and noted in {@code followed}. An indirect jump fails:
     * where it goes, and so what the stack looks like on return, cannot be told from the bytes.
     */
    List<Integer> stackCleanups(String export, List<String> followed) {
        Long entry = exports.get(export);
        if (entry == null || !code.containsKey(entry)) {
            throw new AssertionError(file + ": " + export + " does not point at an instruction: " + entry);
        }
        TreeSet<Long> bounds = new TreeSet<>(labels.keySet());
        bounds.addAll(exports.values());
        List<Integer> cleanups = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(entry));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long start = todo.pop();
            if (!seen.add(start)) {
                continue;
            }
            Long next = bounds.higher(start);
            long end = next == null ? Long.MAX_VALUE : next;
            for (Insn i : code.subMap(start, end).values()) {
                if (i.mnemonic.equals("ret") || i.mnemonic.equals("retl")) {
                    cleanups.add(i.operands.isEmpty() ? 0 : Integer.decode(i.operands.replace("$", "")));
                } else if (i.mnemonic.startsWith("ret") || i.mnemonic.equals("lret") || i.mnemonic.equals("iret")) {
                    throw new AssertionError(file + ": " + export + ": unexpected return " + i);
                } else if (i.mnemonic.startsWith("j")) {
                    if (i.operands.startsWith("*")) {
                        throw new AssertionError(file + ": " + export + ": indirect jump " + i + " (from "
                                + Long.toHexString(start) + "): its stack cleanup cannot be told from the bytes");
                    }
                    long target = Long.parseUnsignedLong(i.operands.split("\\s+")[0], 16);
                    if (target < start || target >= end) {
                        if (!code.containsKey(target)) {
                            throw new AssertionError(file + ": " + export + ": jump " + i + " leaves the code");
                        }
                        followed.add(export + " " + i.mnemonic + " → " + describe(target));
                        todo.push(target);
                    }
                }
            }
        }
        if (cleanups.isEmpty()) {
            throw new AssertionError(file + ": " + export + ": no ret reachable from its code");
        }
        return cleanups;
    }

    private String describe(long address) {
        Map.Entry<Long, String> l = labels.floorEntry(address);
        return l == null ? Long.toHexString(address)
                : l.getValue() + (l.getKey() == address ? "" : "+0x" + Long.toHexString(address - l.getKey()));
    }

    /**
     * The functions a public header declares, with their parameter count, in the header's order. Every
     * parameter must be one of the kinds that take 4 bytes on i386's stack (a pointer, int, short — promoted);
     * any other type stops the test rather than guessing its size.
     */
    static Map<String, Integer> declaredFunctions(Path header) throws IOException {
        String text = Files.readString(header, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ");
        Map<String, Integer> functions = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\bint\\s+CSHIS\\w*_API\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*;").matcher(text);
        while (m.find()) {
            String params = m.group(2).replaceAll("\\s+", " ").trim();
            int count = 0;
            if (!params.equals("void") && !params.isEmpty()) {
                for (String p : params.split(",")) {
                    String t = p.trim();
                    if (!t.contains("*") && !t.matches("(const )?(unsigned )?(int|short|long) \\w+")) {
                        throw new AssertionError(header + ": " + m.group(1) + ": parameter '" + t
                                + "' is not 4 bytes on i386 for certain: teach the test its size");
                    }
                    count++;
                }
            }
            if (functions.put(m.group(1), count) != null) {
                throw new AssertionError(header + " declares " + m.group(1) + " twice");
            }
        }
        long apiMentions = Pattern.compile("_API\\s+\\w+\\s*\\(").matcher(text).results().count();
        if (functions.isEmpty() || apiMentions != functions.size()) {
            throw new AssertionError(header + ": parsed " + functions.size() + " declarations of " + apiMentions);
        }
        return functions;
    }

    /** The string literals of C sources (no escapes, at least min characters), as a DLL stores them. */
    static Set<String> literals(List<Path> sources, int min) throws IOException {
        Set<String> out = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([^\"\\\\\\n]{" + min + ",})\"");
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", " ");
            literal.matcher(text).results().forEach(r -> out.add(r.group(1)));
        }
        return out;
    }

    /** Which of the strings the file's bytes hold. */
    static Set<String> contained(Path file, Set<String> strings) throws IOException {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Set<String> out = new TreeSet<>();
        for (String s : strings) {
            if (bytes.contains(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                out.add(s);
            }
        }
        return out;
    }

    static String objdump(Object... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("objdump"));
        for (Object a : args) {
            cmd.add(a.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(cmd + " failed (" + p.exitValue() + "):\n" + out);
        }
        return out;
    }
}
