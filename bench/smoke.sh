#!/usr/bin/env bash
# Every benchmark of bench/ in its smoke mode (a few iterations): run by ./nhi test after the build, so a bench that
# no longer compiles or runs fails the tests instead of rotting. The figures of a smoke run mean nothing.
#   bench/smoke.sh [NAME...]      (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export BENCH_SMOKE=1
all=(cold-start http-cached reader-switch reader-apdu serial-apdu visit-api idc-signatures idc-client native-calls sam-auth audit)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${all[@]}")
log_dir=$(mktemp -d /tmp/nhi-bench-smoke-XXXX)
trap 'rm -rf "$log_dir"' EXIT
failed=()
for name in "${names[@]}"; do
  case "$name" in
    cold-start) cmd=(bench/cold-start.sh) ;;
    idc-signatures) cmd=(bench/idc-signatures/run.sh 0 1 1) ;;
    native-calls) cmd=(bench/native-calls/run.sh 1 200 1 1) ;;
    sam-auth) cmd=(bench/sam-auth/run.sh 2 5) ;;
    *) cmd=("bench/$name/run.sh") ;;
  esac
  start=$(date +%s%N)
  if "${cmd[@]}" >"$log_dir/$name.log" 2>&1; then
    echo "bench smoke: $name ok ($(( ($(date +%s%N) - start) / 1000000 )) ms)"
  else
    echo "bench smoke: $name FAILED ($(( ($(date +%s%N) - start) / 1000000 )) ms):" >&2
    tail -40 "$log_dir/$name.log" >&2
    failed+=("$name")
  fi
done
[ ${#failed[@]} -eq 0 ] || { echo "bench smoke: failed: ${failed[*]}" >&2; exit 1; }
