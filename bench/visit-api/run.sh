#!/bin/sh
# APDUs and latency of the 5.1.x functions over Java and HTTP next to the raw APDU floor, on one private
# pcscd + vpcd + simulated HC. Usage: bench/visit-api/run.sh [iterations=30] (from anywhere)
case "${1:-}" in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac  # the header above is the usage
set -e
cd "$(dirname "$0")/../.."
mods="bundles/contracts bundles/card-crypto bundles/reader-service bundles/reader-pcsc bundles/card-engine bundles/hpc-authorisation bundles/api-v5 simulators/card-sim simulators/vpcd-bridge"
for m in $mods; do
  ls $m/target/*.jar >/dev/null 2>&1 || { mvn -q -B -ntp -o -DskipTests -pl "$(echo $mods | tr ' ' ',')" -am package; break; }
done
jar() { ls "$1"/target/*.jar | grep -v -E 'sources|tests' | head -1; }
m2=~/.m2/repository
slf4j=$(find $m2/org/slf4j/slf4j-nop/1.7.36 -name '*.jar' 2>/dev/null | head -1)
api=$(find $m2/org/slf4j/slf4j-api/1.7.36 -name 'slf4j-api-1.7.36.jar' | head -1)
gson=$(find $m2/com/google/code/gson/gson/2.15.0 -name 'gson-2.15.0.jar' | head -1)
osgi="$(find $m2/org/osgi/org.osgi.service.cm/1.6.1 -name '*.jar' | head -1):$(find $m2/org/osgi/osgi.core/8.0.0 -name '*.jar' | head -1)"
cp="$(jar bundles/contracts):$(jar bundles/card-crypto):$(jar bundles/reader-service):$(jar bundles/reader-pcsc):$(jar bundles/card-engine):$(jar bundles/hpc-authorisation):$(jar bundles/api-v5):$(jar simulators/card-sim):$(jar simulators/vpcd-bridge):$api:$slf4j:$osgi:$gson"
dir=$(mktemp -d /tmp/nhi-bench-XXXX)
trap 'rm -rf "$dir"' EXIT
javac -nowarn -d "$dir/classes" -cp "$cp" bench/reader-apdu/ReaderApduBench.java bench/visit-api/VisitApiBench.java
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')  load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
BENCH_PCSCD_DIR="$dir/pcscd" PCSCLITE_CSOCK_NAME="$dir/pcscd/run/pcscd.comm" exec java -XX:+UseSerialGC \
  -Dsun.net.httpserver.nodelay=true \
  --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED \
  -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1 \
  -cp "$dir/classes:$cp" VisitApiBench "$@"
