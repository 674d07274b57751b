#!/usr/bin/env bash
# A repeated hisGetBasicData, csGetVersionEx and GET /status over HTTP through the real platform (demo mode, new
# home, free loopback port), each next to its floor (bare Jetty answering the same bytes, same client, same run).
#   bench/http-cached/run.sh [ROUNDS=10] [CALLS_PER_ROUND=50]      (org.opennhi.bench.CachedReadBench)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" CachedReadBench "$@"
