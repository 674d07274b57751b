#!/usr/bin/env bash
# The IDC client's cost per call on one kept-alive HTTPS connection to the IDC simulator (GET /v1/health): the
# platform's java.net.http client next to the JDK's HttpsURLConnection and a lean TLS client (the floor).
#   bench/idc-client/run.sh [ROUNDS=5] [CALLS_PER_ROUND=2000]      (org.opennhi.bench.IdcClientBench)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" IdcClientBench "$@"
