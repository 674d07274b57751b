#!/bin/sh
# Visit signatures per second: the IDC simulator over HTTPS (1 and 8 clients) next to the JDK's raw rate.
# Usage: bench/idc-signatures/run.sh [warmupSeconds=5] [seconds=10] [rounds=3] [name=other/idc-sim.jar ...]
#   (warmupSeconds: per case before each measurement, and the slice length of the JIT warm-up before round 1)
#   (from the repository root; each name=jar adds another build, e.g. the one before a change, to every round)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -e
cd "$(dirname "$0")/../.."
# package, not install: the standalone jar is all the bench needs, and install would overwrite shared snapshots
[ -f simulators/idc-sim/target/idc-sim.jar ] || mvn -q -pl simulators/idc-sim -am package -DskipTests
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "java: $(java -version 2>&1 | head -1)"
exec java -cp simulators/idc-sim/target/idc-sim.jar bench/idc-signatures/SignatureBench.java "$@"
