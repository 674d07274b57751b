#!/usr/bin/env bash
# Runs one Java bench of the bench module (bench/pom.xml):  bench/java.sh CLASS [ARGS...]
# CLASS is a class of org.opennhi.bench (e.g. CachedReadBench). The classpath is the module's classes plus the one
# Maven wrote to bench/target/bench.classpath; no jar is looked up by hand. Builds what is missing first: the whole
# platform when the distribution or the module was never built, else only the module when its sources changed.
# BENCH_SMOKE=1 runs the bench's short smoke mode (what ./nhi test does); BENCH_JAVA_OPTS adds JVM options;
# BENCH_PLATFORM_JAVA_OPTS adds them to the platforms a bench starts (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
main=${1:?"bench/java.sh: name a class of org.opennhi.bench"}; shift
cp_file=bench/target/bench.classpath
if [ ! -f "$cp_file" ] || [ ! -x distribution/target/nhi-cs/bin/nhi-cs ]; then
  mvn -B -ntp -q -DskipTests install
elif [ -n "$(find bench/src bench/pom.xml -newer "$cp_file" -type f -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests -pl bench package
fi
opts=()
[ "${BENCH_SMOKE:-0}" = 1 ] && opts+=(-Dbench.smoke=true)
# shellcheck disable=SC2206
opts+=(${BENCH_JAVA_OPTS:-})
exec java "${opts[@]}" -Dbench.dist="$root/distribution/target/nhi-cs" \
  -cp "$root/bench/target/classes:$(cat "$cp_file")" "org.opennhi.bench.$main" "$@"
