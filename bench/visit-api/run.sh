#!/usr/bin/env bash
# APDUs and latency of the 5.1.x functions over Java and HTTP next to the raw APDU floor, on one private
# pcscd + vpcd + simulated HC.   bench/visit-api/run.sh [ITERATIONS=30]   (org.opennhi.bench.VisitApiBench)
# The bench stops its pcscd on every way out (try, and a shutdown hook); this script removes its folder.
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -euo pipefail
dir=$(mktemp -d /tmp/nhi-bench-XXXX)
trap 'rm -rf "$dir"' EXIT
lib=
for l in /usr/lib/*-linux-gnu/libpcsclite.so.1 /usr/lib64/libpcsclite.so.1; do [ -e "$l" ] && { lib=$l; break; }; done
BENCH_JAVA_OPTS="-XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true \
--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED -Dsun.security.smartcardio.library=$lib \
${BENCH_JAVA_OPTS:-}" BENCH_PCSCD_DIR="$dir/pcscd" PCSCLITE_CSOCK_NAME="$dir/pcscd/run/pcscd.comm" \
  "$(dirname "$0")/../java.sh" VisitApiBench "$@"
