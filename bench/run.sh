#!/usr/bin/env bash
# Intake and pipeline benchmark of the real hub process on loopback. Prints a small table.
#   bench/run.sh              # SQLite (the embedded default); also PostgreSQL when IHUB_TEST_POSTGRES is set
#   bench/run.sh --fanout     # instead: push delivery to 1, 10 and 100 webhook subscribers (throughput, latency)
#   bench/run.sh --postgres   # SQLite and PostgreSQL; starts the local test PostgreSQL when IHUB_TEST_POSTGRES is unset
#   bench/run.sh --only postgresql   # PostgreSQL only (started the same way)
# Other options go to the bench (e.g. --count 500 for a quick look); see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="bench/run.sh${*:+ $*}"

log() { echo "[run.sh] $*" >&2; }

# The bench shares the machine's two cores with whatever else runs; wait (bounded) for a test run to end.
for _ in $(seq 1 60); do
  pgrep -f "dotnet test" >/dev/null 2>&1 || break
  log "a 'dotnet test' run is in progress; waiting for it to end before measuring"
  sleep 10
done
if pgrep -f "dotnet test" >/dev/null 2>&1; then
  log "'dotnet test' still runs after 10 minutes; the figures will be disturbed by it"
fi

started_pg=
if [[ ( " $* " == *" --postgres "* || " $* " == *" --only postgresql "* ) && -z "${IHUB_TEST_POSTGRES:-}" ]]; then
  pg_dir=${IHUB_SERVICES_DIR:-/tmp/ihub-test-services}/postgres
  if [ ! -f "$pg_dir/postmaster.pid" ]; then started_pg=1; fi
  # Only PostgreSQL: the bench needs none of the other test servers (RabbitMQ, the mail stack).
  eval "$(IHUB_TEST_SERVICES=postgres scripts/test-services.sh start)"
fi
stop_pg() { if [ -n "$started_pg" ]; then IHUB_TEST_SERVICES=postgres scripts/test-services.sh stop; fi; }
trap stop_pg EXIT

log "building the hub and the bench (Release)"
for project in hub/IntegrationHub.Host bench/IntegrationHub.Bench.Intake; do
  if ! out=$(dotnet build "$project" -c Release -nologo -v q 2>&1); then
    echo "$out" >&2; log "the build of $project failed"; exit 1
  fi
done

dotnet bench/IntegrationHub.Bench.Intake/bin/Release/net10.0/IntegrationHub.Bench.Intake.dll \
  --host-dll hub/IntegrationHub.Host/bin/Release/net10.0/IntegrationHub.Host.dll \
  --command "$command_line (commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$([ -z "$(git status --porcelain -- hub 2>/dev/null)" ] || echo ', hub/ with uncommitted changes'); SDK $(dotnet --version))" \
  "$@"
