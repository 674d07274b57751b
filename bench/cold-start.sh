#!/usr/bin/env bash
# Start-up (first /status 200, "demo: ready.", restart) and warm hisGetBasicData latency of the distribution
# under JVM option sets side by side, in alternating rounds (org.opennhi.bench.ColdStartBench).
#   bench/cold-start.sh [ROUNDS=3] [WARM_UP_CALLS=4000] [MEASURED_CALLS=1000] [CANDIDATE...]
# Candidates: launcher c1-only tiered tiered-late-c2 tiered-no-cds c1-only-no-cds (default: all).
# Every platform it starts is its own child process, stopped before the next starts.
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/java.sh" ColdStartBench "$@"
