#!/usr/bin/env bash
# Measures how the checks tagged keycloak scale with the number of realms, against the sandbox's real
# Keycloak on 127.0.0.1, and writes target/benchmark-keycloak/keycloak-results.md; docs/benchmarks.md
# explains the figures.
#
#   scripts/benchmark-keycloak.sh                   # 1 and 100 realms, 3 runs each
#   REALMS=1,10,100 scripts/benchmark-keycloak.sh --repeat 5
#
# For each count N, Keycloak starts with max(N, 3) realms (the sandbox seeds at least 3 tenants); its start
# is timed, then the keycloak checks run in a separate JVM against the first N realms and, for N above 1,
# against one realm of the same Keycloak. Each Keycloak start takes one to several minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ ! -f target/catalog-smoke.jar ]] || [[ -n "$(find src/main pom.xml smoke-config -newer target/catalog-smoke.jar -print -quit)" ]]; then
  mvn -B -q -DskipTests package
fi
mkdir -p target/benchmark-keycloak

echo "started $(date -u +%Y-%m-%dT%H:%M:%SZ); uptime before: $(uptime)"
java -jar target/catalog-smoke.jar benchmark \
  --keycloak-realms "${REALMS:-1,100}" \
  --java-options "-Xmx128m -Xss512k -XX:+UseSerialGC" \
  --output target/benchmark-keycloak \
  "$@"
echo "finished $(date -u +%Y-%m-%dT%H:%M:%SZ); uptime after: $(uptime)"
