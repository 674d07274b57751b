#!/usr/bin/env bash
# What the per-call audit record costs a cached hisGetBasicData over HTTP: one demo platform, the facade-call audit
# (opennhi.events auditCalls) switched on and off between rounds, same JVM, same client, same run.
#   bench/audit/run.sh [ROUNDS=6] [CALLS_PER_ROUND=2000]      (org.opennhi.bench.AuditBench)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
exec "$(dirname "$0")/../java.sh" AuditBench "$@"
