#!/usr/bin/env bash
# Reader-type switch time (csUpRDType) through the distribution it starts and stops.
#   bench/reader-switch/run.sh [SWITCHES=40]      (org.opennhi.bench.SwitchBench)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" SwitchBench "$@"
