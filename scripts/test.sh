#!/usr/bin/env bash
# Runs every test project against real servers and prints one line "N passed, M failed[, K skipped]".
# Starts what the tests need (scripts/test-services.sh), stops it again by PID, exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
CONFIGURATION=${CONFIGURATION:-Release}
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/ihub-test-results.XXXXXX")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() { echo "$1 passed, $2 failed${3:+, $3 skipped}"; }
trap 'scripts/test-services.sh stop' EXIT

if ! exports=$(scripts/test-services.sh start); then
  echo "could not start the test servers (see above)" >&2; summary 0 1; exit 1
fi
eval "$exports"

if ! dotnet build IntegrationHub.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly; then
  echo "build failed" >&2; summary 0 1; exit 1
fi

dotnet test IntegrationHub.sln -c "$CONFIGURATION" --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS"
status=$?

passed=0; failed=0; skipped=0; runs=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted))); runs=$((runs + 1))
done
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$runs" -lt "$expected" ]; then
  echo "only $runs of $expected test projects reported results (a test host crashed?)" >&2
  failed=$((failed + expected - runs))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -rf "$RESULTS"
# Stop the servers before the summary, so that the summary is the last line printed.
scripts/test-services.sh stop; trap - EXIT
summary "$passed" "$failed" "$([ "$skipped" -gt 0 ] && echo "$skipped")"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
