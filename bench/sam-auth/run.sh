#!/bin/sh
# SAM authentication (csVerifySAMDC) and card authentication times, cloud and physical SAM, with the IDC
# simulator on loopback over TLS and the virtual cards in the JVM.
# Usage: bench/sam-auth/run.sh [warm-up runs=50] [measured runs=200]      (from the repository root)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -e
cd "$(dirname "$0")/../.."
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')  java: $(java -version 2>&1 | head -1)"
mvn -B -ntp -q -pl bundles/sam-cloud,bundles/sam-physical -am test -Dtest='CloudSamBench,PhysicalSamBench' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.warmup="${1:-50}" -Dbench.runs="${2:-200}" 2>&1 | grep '^BENCH'
