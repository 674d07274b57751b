#!/usr/bin/env bash
# Visit signatures per second: the IDC simulator over HTTPS (1 and 8 clients) next to the JDK's raw rate.
#   bench/idc-signatures/run.sh [warmupSeconds=5] [seconds=10] [rounds=3] [name=other/idc-sim.jar ...]
#   (warmupSeconds: per case before each measurement, and the slice length of the JIT warm-up before round 1;
#    each name=jar adds another build of the simulator, e.g. the one before a change, to every round)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" SignatureBench "$@"
