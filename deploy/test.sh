#!/usr/bin/env bash
# Builds the solution and runs every test project. Ends with one line "N passed, N failed" and exits non-zero when
# anything failed or did not run. Used by the README and by .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh --test || { echo "0 passed, 1 failed"; echo "could not install test dependencies" >&2; exit 1; }

results=TestResults
rm -rf "$results"
dotnet build Alluxio.Orleans.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; echo "build failed" >&2; exit 1; }

dotnet test Alluxio.Orleans.sln -c Release --no-build -nologo \
  --results-directory "$results" --logger "trx" \
  --blame-hang-timeout 10m -- xUnit.MaxParallelThreads=2
status=$?

passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
# Tests that were discovered but never reported (a crashed or hung test host) count as failed.
missing=$((total - passed - failed))
[[ $missing -gt 0 ]] && failed=$((failed + missing))
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1
  echo "dotnet test exited with $status without a failing test reported (test host crash?)" >&2
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
