#!/usr/bin/env bash
# Per-APDU time through the reader service next to raw javax.smartcardio, on one private pcscd + vpcd + virtual
# card, in alternating rounds.   bench/reader-apdu/run.sh [ROUNDS=5] [APDUS_PER_ROUND=2000] [IDLE_MS=0]   (ReaderApduBench)
# The bench stops its pcscd on every way out (try, and a shutdown hook); this script removes its folder.
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -euo pipefail
dir=$(mktemp -d /tmp/nhi-bench-XXXX)
trap 'rm -rf "$dir"' EXIT
lib=
for l in /usr/lib/*-linux-gnu/libpcsclite.so.1 /usr/lib64/libpcsclite.so.1; do [ -e "$l" ] && { lib=$l; break; }; done
BENCH_JAVA_OPTS="-XX:+UseSerialGC --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED \
-Dsun.security.smartcardio.library=$lib ${BENCH_JAVA_OPTS:-}" \
BENCH_PCSCD_DIR="$dir" PCSCLITE_CSOCK_NAME="$dir/run/pcscd.comm" \
  "$(dirname "$0")/../java.sh" ReaderApduBench "$@"
