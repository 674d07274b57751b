#!/usr/bin/env bash
# Cold start of the distribution to the first authorised GET /status 200, over N runs.
#   bench/cold-start.sh [RUNS]        (default 7; builds the distribution first if it is missing)
# Each run starts a new JVM. "first" runs use a new, empty NHI home (first start ever: folders, token and
# configuration are created); "restart" runs reuse the home of the previous run, as a clinic PC does.
# Prints every run and the medians in milliseconds.
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-7}
dist="$root/distribution/target/nhi-cs"
[ -x "$dist/bin/nhi-cs" ] || (cd "$root" && mvn -q -B -ntp -DskipTests install)
work=$(mktemp -d)
trap 'pkill -TERM -f "opennhi.dist=$dist.*opennhi.http.port=$port" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

now_ms() { date +%s%3N; }

one_run() {  # $1 = home folder; prints milliseconds to the first 200
  local home=$1 start token code pid
  start=$(now_ms)
  "$dist/bin/nhi-cs" --home "$home" --port "$port" </dev/null >"$work/out.log" 2>&1 &
  pid=$!
  while :; do
    if [ -s "$home/INI/api-token" ]; then
      token=$(cat "$home/INI/api-token")
      code=$(curl -s -o /dev/null -w '%{http_code}' -H @<(printf 'Authorization: Bearer %s\n' "$token") \
        "http://127.0.0.1:$port/status" || true)
      [ "$code" = 200 ] && break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "platform died:" >&2; cat "$work/out.log" >&2; exit 1; fi
    if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "no /status 200 within 30 s" >&2; exit 1; fi
    sleep 0.01
  done
  echo $(( $(now_ms) - start ))
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

first=(); restart=()
for i in $(seq 1 "$runs"); do
  first+=("$(one_run "$work/home-$i")")
  restart+=("$(one_run "$work/home-$i")")
  echo "run $i: first start ${first[-1]} ms, restart ${restart[-1]} ms"
done
echo "median first start: $(printf '%s\n' "${first[@]}" | median) ms over $runs runs"
echo "median restart:     $(printf '%s\n' "${restart[@]}" | median) ms over $runs runs"
