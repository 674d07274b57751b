#!/usr/bin/env bash
# A repeated hisGetBasicData over HTTP through the real platform (Jetty, gateway, api-v5) for a card already read,
# next to /status and csGetVersionEx on the same stack. Starts the distribution in demo mode on a new home and a
# free loopback port, waits until the fixture HC answers, measures, stops it.
#   bench/http-cached/run.sh [ROUNDS=10] [CALLS_PER_ROUND=50]
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dist="$root/distribution/target/nhi-cs"
[ -x "$dist/bin/nhi-cs" ] || (cd "$root" && mvn -q -B -ntp -DskipTests install)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$dist/bin/nhi-cs" --demo --home "$work/home" --port "$port" </dev/null >"$work/platform.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  if [ -s "$work/home/INI/api-token" ] && curl -s -X POST -H @<(printf 'Authorization: Bearer %s\n' "$(<"$work/home/INI/api-token")") \
      -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$port/v5/hisGetBasicData" | grep -q '"code":0'; then
    break
  fi
  kill -0 $pid 2>/dev/null || { echo "the platform died:" >&2; cat "$work/platform.log" >&2; exit 1; }
  sleep 0.1
done
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
java "$root/bench/http-cached/CachedReadBench.java" "$port" "$(cat "$work/home/INI/api-token")" "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
