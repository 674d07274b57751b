#!/usr/bin/env python3
"""A HIS written in Python against the drop-in 5.1.x library, as HIS vendors do with ctypes (NativePythonHisIT).

    his_session.py LIBRARY session            one patient's visit, from csOpenCom to csCloseCom
    his_session.py LIBRARY visits THREADS N    csUpdateHCContents, then THREADS threads at once taking N visits
                                               each (hisGetSeqNumber256 "01")

Prints one JSON object on stdout: every call's return code and the raw buffers (base64), for the test to check
against the card. PIN entry is the caller's NHI_PINENTRY; NHI_PINENTRY_CANCEL and NHI_PINENTRY_WRONG, when set,
name PIN entries that cancel and that give a wrong PIN, each tried once before the real one.
"""
import base64
import ctypes
import json
import os
import sys
import threading
from ctypes import POINTER, byref, c_char, c_int, c_short, create_string_buffer

BUFFER = POINTER(c_char)
LENGTH = POINTER(c_short)

# the official cshis.h signatures of the functions this HIS uses: char *, short *, int
SIGNATURES = {
    "csOpenCom": [c_int],
    "csCloseCom": [],
    "csVerifySAMDC": [],
    "csUpdateHCContents": [],
    "hisGetBasicData": [BUFFER, LENGTH],
    "hisGetRegisterBasic2": [BUFFER, LENGTH],
    "hisGetLastSeqNum": [BUFFER, LENGTH],
    "hisGetCumulativeData": [BUFFER, LENGTH],
    "hisGetSeqNumber256": [BUFFER, BUFFER, BUFFER, BUFFER, LENGTH],
    "hisGetTreatmentNeedHPC": [BUFFER, LENGTH],
    "hisWriteTreatmentCode": [BUFFER, BUFFER, BUFFER, BUFFER, BUFFER],
    "hpcVerifyHPCPIN": [],
    "hpcGetHPCSSN": [BUFFER, LENGTH],
}


def load(path):
    lib = ctypes.cdll.LoadLibrary(path)
    for name, args in SIGNATURES.items():
        f = getattr(lib, name)
        f.argtypes = args
        f.restype = c_int
    return lib


def b64(data):
    return base64.b64encode(data).decode("ascii")


def text(value, size):
    """An input C string in an array of the manual's size (characters and the NUL)."""
    return create_string_buffer(value.encode("ascii"), size)


def read(lib, name, size, *inputs):
    """A read into a buffer of the documented size: (code, the bytes the library says it wrote)."""
    buf = create_string_buffer(size)
    length = c_short(size)
    rc = getattr(lib, name)(*inputs, buf, byref(length))
    return rc, buf.raw[:length.value]


def session(lib):
    out = {}
    out["csOpenCom"] = lib.csOpenCom(0)
    out["csVerifySAMDC"] = lib.csVerifySAMDC()
    out["basicCode"], basic = read(lib, "hisGetBasicData", 72)
    out["basic"] = b64(basic)
    out["seqCode"], seq = read(lib, "hisGetSeqNumber256", 296, text("01", 3), text(" ", 2), text("1", 2))
    out["seq"] = b64(seq)
    out["lastSeqCode"], last = read(lib, "hisGetLastSeqNum", 7)
    out["lastSeq"] = b64(last)
    real = os.environ.get("NHI_PINENTRY")
    for name, result in (("NHI_PINENTRY_CANCEL", "pinCancelled"), ("NHI_PINENTRY_WRONG", "pinWrong")):
        if os.environ.get(name):
            os.environ["NHI_PINENTRY"] = os.environ[name]  # the library reads it at each call
            out[result] = lib.hpcVerifyHPCPIN()
            os.environ["NHI_PINENTRY"] = real
    out["hpcVerifyHPCPIN"] = lib.hpcVerifyHPCPIN()
    out["hpcSsnCode"], ssn = read(lib, "hpcGetHPCSSN", 10)
    out["hpcSsn"] = b64(ssn)
    # the visit as the card gave it: date-time 1-13 of the 296; the patient as the basic data names him
    date_time = seq[0:13].decode("ascii")
    patient_id = basic[32:42].decode("ascii")
    birth = basic[42:49].decode("ascii")
    diagnoses = "1" + "J0300" + "I10  " + "E1190" + "K2970" + "     " + "     "
    doc_id = create_string_buffer(b"\xff" * 11, 11)  # filled, so a missing NUL shows
    out["writeCode"] = lib.hisWriteTreatmentCode(text(date_time, 14), text(patient_id, 11), text(birth, 8),
                                                 text(diagnoses, 32), doc_id)
    out["docId"] = b64(doc_id.raw)
    out["diagnoses"] = diagnoses
    out["needHpcCode"], need = read(lib, "hisGetTreatmentNeedHPC", 372)
    out["needHpc"] = b64(need)
    out["csCloseCom"] = lib.csCloseCom()
    return out


def visits(lib, threads, each):
    """THREADS threads released at once, each taking EACH visits; every answer kept for the test."""
    out = {"csOpenCom": lib.csOpenCom(0)}
    out["update"] = lib.csUpdateHCContents()  # the card takes the visits the IDC grants it
    out["before"] = b64(read(lib, "hisGetRegisterBasic2", 9)[1])
    out["cumulativeBefore"] = b64(read(lib, "hisGetCumulativeData", 134)[1])
    start = threading.Barrier(threads)
    results = []
    lock = threading.Lock()

    def work(index):
        start.wait()
        for _ in range(each):
            rc, seq = read(lib, "hisGetSeqNumber256", 296, text("01", 3), text(" ", 2), text("1", 2))
            with lock:
                results.append({"thread": index, "code": rc, "length": len(seq), "seq": b64(seq)})

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out["results"] = results
    out["after"] = b64(read(lib, "hisGetRegisterBasic2", 9)[1])
    out["cumulativeAfter"] = b64(read(lib, "hisGetCumulativeData", 134)[1])
    out["lastAfter"] = b64(read(lib, "hisGetLastSeqNum", 7)[1])
    out["csCloseCom"] = lib.csCloseCom()
    return out


def main():
    lib = load(sys.argv[1])
    if sys.argv[2] == "session":
        result = session(lib)
    elif sys.argv[2] == "visits":
        result = visits(lib, int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit("unknown mode " + sys.argv[2])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
