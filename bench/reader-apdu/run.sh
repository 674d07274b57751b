#!/bin/sh
# Per-APDU time through the reader service next to raw javax.smartcardio, on one private pcscd + vpcd + virtual
# card, in alternating rounds. Usage: bench/reader-apdu/run.sh [rounds=5] [apdusPerRound=2000] (from anywhere)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -e
cd "$(dirname "$0")/../.."
for m in bundles/contracts bundles/reader-service bundles/reader-pcsc simulators/card-sim simulators/vpcd-bridge; do
  ls $m/target/*.jar >/dev/null 2>&1 || { mvn -q -B -ntp -DskipTests install; break; }
done
jar() { ls "$1"/target/*.jar | grep -v -E 'sources|tests' | head -1; }
slf4j=$(find ~/.m2/repository/org/slf4j/slf4j-nop/1.7.36 -name '*.jar' 2>/dev/null | head -1)
[ -n "$slf4j" ] || { mvn -q -B -ntp dependency:get -Dartifact=org.slf4j:slf4j-nop:1.7.36 >/dev/null; slf4j=$(find ~/.m2/repository/org/slf4j/slf4j-nop/1.7.36 -name '*.jar' | head -1); }
api=$(find ~/.m2/repository/org/slf4j/slf4j-api/1.7.36 -name 'slf4j-api-1.7.36.jar' | head -1)
# the plugin's constructors name OSGi types; the bench wires the classes by hand, without a framework
osgi="$(find ~/.m2/repository/org/osgi/org.osgi.service.cm/1.6.1 -name '*.jar' | head -1):$(find ~/.m2/repository/org/osgi/osgi.core/8.0.0 -name '*.jar' | head -1)"
cp="$(jar bundles/contracts):$(jar bundles/reader-service):$(jar bundles/reader-pcsc):$(jar simulators/card-sim):$(jar simulators/vpcd-bridge):$api:$slf4j:$osgi"
dir=$(mktemp -d /tmp/nhi-bench-XXXX)
trap 'rm -rf "$dir"' EXIT
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
BENCH_PCSCD_DIR="$dir" PCSCLITE_CSOCK_NAME="$dir/run/pcscd.comm" exec java -XX:+UseSerialGC \
  --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED \
  -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1 \
  -cp "$cp" bench/reader-apdu/ReaderApduBench.java "$@"
