#!/usr/bin/env python3
"""The drop-in libraries when the platform is down, restarts or is started by a call (NativeResilienceIT).

    resilience.py all LIB5 HEADER5 LIB3 HEADER3   every exported function, each timed; driven over stdin/stdout:
                                                  prints {"phase": ...} lines and waits for a line before the next
    resilience.py call LIB                        one hisGetBasicData, timed
    resilience.py burst LIB THREADS               THREADS threads calling hisGetBasicData at the same moment
    resilience.py pool LIB THREADS                such a burst; after a line on stdin (the test restarted or
                                                  stopped the platform meanwhile) three calls, one after another
    resilience.py cycles LIB N                    N times load, one call, dlclose: fds and mappings before/after

Every answer is one JSON object per line on stdout. Buffers go back as base64.
"""
import _ctypes
import base64
import ctypes
import json
import os
import re
import subprocess
import sys
import threading
import time
from ctypes import byref, c_int, c_short, create_string_buffer

EXPORT = re.compile(r"^\s*(?:\w+_EXPORT\s+)?int\s+\w+_API\s+(\w+)\s*\(([^)]*)\)\s*;", re.M)


def emit(obj):
    print(json.dumps(obj), flush=True)


def wait_for_go():
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("the test did not say go")


def declared(header):
    """The functions of an official-style header with their parameter types: [(name, ["char*", "int", ...])]."""
    with open(header, encoding="utf-8") as f:
        source = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    out = []
    for name, params in EXPORT.findall(source):
        types = []
        for p in params.split(","):
            p = p.strip()
            if p and p != "void":
                types.append(re.sub(r"\w+$", "", p).replace(" ", ""))  # "char *pBuffer" -> "char*"
        out.append((name, types))
    return out


def exported(library):
    """The functions the .so really exports (nm), so a function missing from the header is noticed."""
    nm = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True, text=True, check=True)
    return sorted(line.split()[-1] for line in nm.stdout.splitlines() if " T " in line)


def dummy(kind):
    """A valid argument of the type: big buffers, lengths that fit them, digits for strings."""
    if kind == "char*":
        return create_string_buffer(b"1150101120000", 8192)
    if kind == "short*":
        return byref(c_short(1024))
    if kind in ("int", "short"):
        return 1  # CardType, Comport, iStartPos ...
    raise ValueError("no dummy for a parameter of type " + kind)


def call_all(library, header):
    lib = ctypes.cdll.LoadLibrary(library)
    results = []
    for name, types in declared(header):
        f = getattr(lib, name)
        f.restype = c_int
        args = [dummy(t) for t in types]
        t0 = time.monotonic()
        rc = f(*args)
        results.append({"function": name, "code": rc, "ms": round((time.monotonic() - t0) * 1000, 1)})
    return lib, results


def basic(lib):
    buf = create_string_buffer(72)
    length = c_short(72)
    t0 = time.monotonic()
    rc = lib.hisGetBasicData(buf, byref(length))
    ms = round((time.monotonic() - t0) * 1000, 1)
    return {"code": rc, "ms": ms, "basic": base64.b64encode(buf.raw[:length.value]).decode("ascii")}


def scenario_all(lib5, header5, lib3, header3):
    first = ctypes.cdll.LoadLibrary(lib5)
    emit({"phase": "up", "exports5": exported(lib5), "declared5": [n for n, _ in declared(header5)],
          "exports3": exported(lib3), "declared3": [n for n, _ in declared(header3)], **basic(first)})
    wait_for_go()  # the platform is stopped now
    l5, r5 = call_all(lib5, header5)
    l3, r3 = call_all(lib3, header3)
    emit({"phase": "down", "v5": r5, "v3": r3})
    wait_for_go()  # the platform runs again on the same home and port
    path = create_string_buffer(260)
    emit({"phase": "restarted", "v5": basic(l5), "v3version": l3.csGetVersionEx(path)})


def at_once(lib, threads):
    """THREADS threads calling hisGetBasicData at the same moment: their answers."""
    gate = threading.Barrier(threads)
    answers = [None] * threads

    def work(i):
        gate.wait()
        answers[i] = basic(lib)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return answers


def pool(library, threads):
    """A busy HIS (several pooled connections); its next calls once the test restarted or stopped the platform."""
    lib = ctypes.cdll.LoadLibrary(library)
    emit({"phase": "busy", "answers": at_once(lib, threads)})
    wait_for_go()
    emit({"phase": "later", "answers": [basic(lib) for _ in range(3)]})


def open_fds():
    return len(os.listdir("/proc/self/fd"))


def mapped(library):
    real = os.path.realpath(library)
    with open("/proc/self/maps", encoding="utf-8") as f:
        return any(real in line for line in f)


def cycles(library, n):
    before = open_fds()
    codes = {}
    still_mapped = 0
    for _ in range(n):
        lib = ctypes.cdll.LoadLibrary(library)
        rc = basic(lib)["code"]
        codes[rc] = codes.get(rc, 0) + 1
        handle = lib._handle
        del lib
        _ctypes.dlclose(handle)
        still_mapped += mapped(library)
    emit({"fdsBefore": before, "fdsAfter": open_fds(), "codes": codes, "stillMapped": still_mapped})


def main():
    mode = sys.argv[1]
    if mode == "all":
        scenario_all(*sys.argv[2:6])
    elif mode == "call":
        emit(basic(ctypes.cdll.LoadLibrary(sys.argv[2])))
    elif mode == "burst":
        emit({"answers": at_once(ctypes.cdll.LoadLibrary(sys.argv[2]), int(sys.argv[3]))})
    elif mode == "pool":
        pool(sys.argv[2], int(sys.argv[3]))
    elif mode == "cycles":
        cycles(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
