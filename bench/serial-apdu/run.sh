#!/usr/bin/env bash
# Per-APDU time to the dedicated-reader emulator over a socat pty: the bare TRANSMIT round trip, and one APDU
# through a reader-nhi-com plugin session.   bench/serial-apdu/run.sh [READS=300]   (org.opennhi.bench.SerialApduBench)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" SerialApduBench "$@"
