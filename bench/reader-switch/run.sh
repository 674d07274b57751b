#!/bin/sh
# Reader-type switch time (csUpRDType) through the running distribution. Usage: bench/reader-switch/run.sh [switches=40]
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -e
cd "$(dirname "$0")/../.."
dist=distribution/target/nhi-cs
[ -x "$dist/bin/nhi-cs" ] || mvn -q -B -ntp -DskipTests install
home=$(mktemp -d /tmp/nhi-switch-XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
NHI_CDS=off "$dist/bin/nhi-cs" --home "$home" --port "$port" </dev/null >"$home/out.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$home"' EXIT
i=0
# the token goes to curl in a header file (owner-only), not in its argv where ps shows it
until [ -s "$home/INI/api-token" ] && (umask 077; printf 'Authorization: Bearer %s\n' "$(cat "$home/INI/api-token")" > "$home/.auth-header") \
    && curl -s -o /dev/null -H @"$home/.auth-header" "http://127.0.0.1:$port/status"; do
  i=$((i+1)); [ $i -lt 300 ] || { cat "$home/out.log"; exit 1; }; sleep 0.1
done
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')  load: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/reader-switch/SwitchBench.java "$port" "$home" "$@"
