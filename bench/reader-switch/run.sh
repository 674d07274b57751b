#!/usr/bin/env bash
# Reader-type switch time (csUpRDType) through the distribution it starts and stops.
#   bench/reader-switch/run.sh [SWITCHES=40]      (org.opennhi.bench.SwitchBench)
exec "$(dirname "$0")/../java.sh" SwitchBench "$@"
