#!/usr/bin/env bash
# Intake and pipeline benchmark of the real hub process on loopback. Prints a small table.
#   bench/run.sh              # SQLite (the embedded default); also PostgreSQL when IHUB_TEST_POSTGRES is set
#   bench/run.sh --fanout     # instead: push delivery to 1, 10 and 100 webhook subscribers (throughput, latency)
#   bench/run.sh --postgres   # SQLite and PostgreSQL; starts the local test PostgreSQL when IHUB_TEST_POSTGRES is unset
#   bench/run.sh --only postgresql   # PostgreSQL only (started the same way)
#   bench/run.sh --mailbox    # instead: the function-mailbox adapter draining 1 000 mails from the test IMAP
#                             # server, then a paced SMTP stream; starts the test mail stack when it is not running
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

mailbox=
if [[ " $* " == *" --mailbox "* ]]; then mailbox=1; fi
started_mail=
if [ -n "$mailbox" ] && [ -z "${IHUB_TEST_IMAP:-}" ]; then
  mail_dir=${IHUB_SERVICES_DIR:-/tmp/ihub-test-services}
  # Running when both daemons' pid files name live processes; start is idempotent either way.
  mail_up() { local f; for f in "$mail_dir/dovecot/run/master.pid" "$mail_dir/smtpd/smtpd.pid"; do
    [ -s "$f" ] && kill -0 "$(head -1 "$f")" 2>/dev/null || return 1; done; }
  if ! mail_up; then started_mail=1; fi
  # Only the mail stack (Dovecot IMAP, OpenSMTPD): the mailbox bench needs no RabbitMQ.
  eval "$(IHUB_TEST_SERVICES=mail scripts/test-services.sh start)"
fi
stop_services() {
  stop_pg
  if [ -n "$started_mail" ]; then IHUB_TEST_SERVICES=mail scripts/test-services.sh stop; fi
}
trap stop_services EXIT

bench_project=bench/IntegrationHub.Bench.Intake
if [ -n "$mailbox" ]; then bench_project=bench/IntegrationHub.Bench.Mailbox; fi
log "building the hub and the bench (Release)"
for project in hub/IntegrationHub.Host "$bench_project"; do
  if ! out=$(dotnet build "$project" -c Release -nologo -v q 2>&1); then
    echo "$out" >&2; log "the build of $project failed"; exit 1
  fi
done

if [ -n "$mailbox" ]; then
  args=()
  for a in "$@"; do if [ "$a" != --mailbox ]; then args+=("$a"); fi; done
  dotnet bench/IntegrationHub.Bench.Mailbox/bin/Release/net10.0/IntegrationHub.Bench.Mailbox.dll \
    --host-dll hub/IntegrationHub.Host/bin/Release/net10.0/IntegrationHub.Host.dll \
    --samples samples/mail \
    --command "$command_line (commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$([ -z "$(git status --porcelain -- hub adapters 2>/dev/null)" ] || echo ', hub/ or adapters/ with uncommitted changes'); SDK $(dotnet --version))" \
    ${args[@]+"${args[@]}"}
  exit
fi

dotnet bench/IntegrationHub.Bench.Intake/bin/Release/net10.0/IntegrationHub.Bench.Intake.dll \
  --host-dll hub/IntegrationHub.Host/bin/Release/net10.0/IntegrationHub.Host.dll \
  --command "$command_line (commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)$([ -z "$(git status --porcelain -- hub 2>/dev/null)" ] || echo ', hub/ with uncommitted changes'); SDK $(dotnet --version))" \
  "$@"
