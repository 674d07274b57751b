#!/usr/bin/env bash
# Cached hisGetBasicData through the drop-in native library (the home's LIB/libcshis.so, linked as a HIS links it)
# next to the same call made directly over HTTP from C (POST /v5/hisGetBasicData, JSON {}, bearer token, one
# kept-alive loopback connection per thread), in alternating rounds with 1 and 8 threads; then cold visits
# (the HC taken out and inserted again, hisGetBasicData + hisGetSeqNumber256 through the library and directly).
# Starts the distribution in demo mode on a new home and a free loopback port with the gateway's rate limit
# raised (see below), measures with bench/native-calls/native_bench.c, stops it.
#   bench/native-calls/run.sh [ROUNDS=11] [CALLS_PER_CASE=20000] [COLD_VISITS=9] [THREADS...=1 8]
# About 2-3 minutes with the defaults on 2 cores; more rounds or calls make it longer.
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-11}
calls=${2:-20000}
cold=${3:-9}
shift $(( $# < 3 ? $# : 3 ))
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 8)
dist="$root/distribution/target/nhi-cs"
[ -x "$dist/bin/nhi-cs" ] && [ -d "$dist/native" ] || (cd "$root" && mvn -q -B -ntp -DskipTests install)
work=$(mktemp -d /tmp/nhi-bench-native-XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# The gateway's rate limit (PID opennhi.gateway; default 200 requests/s, burst 400) would answer 429 within a
# second of this benchmark. ConfigAdmin reads <home>/INI/config (felix.cm.dir), so the benchmark's platform gets
# a limit far above what it can serve from the start; both paths are measured on that platform, so under the same
# limit. The direct client fails on any answer but 200, so a limit still in force would stop the run.
mkdir -p "$work/home/INI/config/opennhi"
cat >"$work/home/INI/config/opennhi/gateway.config" <<'EOF'
burst=I"10000000"
requestsPerSecond=I"10000000"
service.pid="opennhi.gateway"
EOF

"$dist/bin/nhi-cs" --demo --home "$work/home" --port "$port" </dev/null >"$work/platform.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do
  grep -q '^demo: ready\.' "$work/platform.log" && break
  kill -0 $pid 2>/dev/null || { echo "the platform died:" >&2; cat "$work/platform.log" >&2; exit 1; }
  sleep 0.1
done
grep -q '^demo: ready\.' "$work/platform.log" || { echo "no 'demo: ready.' within 120 s" >&2; cat "$work/platform.log" >&2; exit 1; }
lib="$work/home/LIB/libcshis.so"
[ -f "$lib" ] || { echo "the platform did not put libcshis.so into $work/home/LIB" >&2; exit 1; }

cc -std=c11 -O2 -Wall -Wextra -pthread -I"$root/native/include" "$root/bench/native-calls/native_bench.c" \
  -o "$work/native_bench" -L"$work/home/LIB" -lcshis -Wl,-rpath,"$work/home/LIB"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "uptime before: $(uptime)"
echo "cc: $(cc --version | head -1)  kernel: $(uname -r)  java: $(java -version 2>&1 | head -1)"
echo "library: $lib ($(sha256sum "$lib" | cut -c1-12)); platform pid $pid on 127.0.0.1:$port; gateway limit raised to 10000000/s"
echo "rounds $rounds, $calls calls per case, threads ${threads[*]}, $cold cold visits each way"
# NHI_HOME wins over the library's own LIB folder when it is set: point it at the benchmark's home
NHI_HOME="$work/home" "$work/native_bench" "$port" "$(cat "$work/home/INI/api-token")" "$pid" "$rounds" "$calls" \
  "$cold" "${threads[@]}"
echo "uptime after: $(uptime)"
