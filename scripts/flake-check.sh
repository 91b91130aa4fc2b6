#!/usr/bin/env bash
# Runs the healthy sandbox RUNS times in a row (default 20) and lists every run that was not green,
# with its exit code and the checks that did not pass. Exits 1 if any run was not green.
#
#   scripts/flake-check.sh            # 20 runs, reports in target/flake-check/run-N/
#   RUNS=5 scripts/flake-check.sh
#   SANDBOX_ARGS=--no-keycloak scripts/flake-check.sh   # without Keycloak: about 10 s a run instead of 60 s
#
# Each run starts and stops its own embedded PostgreSQL, mock Kubernetes API and (unless SANDBOX_ARGS has
# --no-keycloak) Keycloak on 127.0.0.1, so the loop is bounded by RUNS and needs nothing outside this machine.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-20}"
out="target/flake-check"

if [[ ! -f target/catalog-smoke.jar ]] || [[ -n "$(find src/main pom.xml smoke-config -newer target/catalog-smoke.jar -print -quit)" ]]; then
  mvn -B -q -DskipTests package || exit 4
fi
rm -rf "$out"
mkdir -p "$out"

failed=0
for i in $(seq 1 "$runs"); do
  dir="$out/run-$i"
  mkdir -p "$dir"
  start=$(date +%s)
  # shellcheck disable=SC2086 # SANDBOX_ARGS is a space-separated list of options on purpose
  timeout 600 java -jar target/catalog-smoke.jar sandbox ${SANDBOX_ARGS:-} --reports-dir "$dir" >"$dir/output.log" 2>&1
  code=$?
  seconds=$(( $(date +%s) - start ))
  if [[ $code -eq 0 ]]; then
    echo "run $i/$runs: green in ${seconds}s"
  else
    failed=$((failed + 1))
    echo "run $i/$runs: NOT GREEN, exit code $code after ${seconds}s; log $dir/output.log"
    grep -E '^(FAIL|NOT READY|SKIP) ' "$dir/output.log" | sed 's/^/    /'
  fi
done

echo "$((runs - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
