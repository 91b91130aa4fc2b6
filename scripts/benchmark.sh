#!/usr/bin/env bash
# Measures the suite at several tenant counts against the loopback sandbox and writes
# target/benchmark/results.md and results.json; docs/benchmarks.md explains the figures.
#
#   scripts/benchmark.sh                       # 100, 1,000, 10,000 and 100,000 tenants
#   scripts/benchmark.sh --sizes 100,1000      # any option of the hidden 'benchmark' command
#
# The suite runs in its own JVM with the options below (a 256 MiB container budget: 128 MiB heap,
# serial GC) and once more with an AppCDS archive. JDK 17 cannot create the archive on the fly
# (-XX:+AutoCreateSharedArchive needs JDK 19), so the first size runs a training run with
# -XX:ArchiveClassesAtExit; delete target/benchmark/catalog-smoke.jsa after rebuilding the jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -f target/catalog-smoke.jar ]] || [[ -n "$(find src/main pom.xml smoke-config -newer target/catalog-smoke.jar -print -quit)" ]]; then
  mvn -B -q -DskipTests package
  rm -f target/benchmark/catalog-smoke.jsa
fi
mkdir -p target/benchmark

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
java -jar target/catalog-smoke.jar benchmark \
  --java-options "-Xmx128m -Xss512k -XX:+UseSerialGC" \
  --cds-archive target/benchmark/catalog-smoke.jsa \
  --output target/benchmark \
  "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
