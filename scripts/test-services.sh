#!/usr/bin/env bash
# Servers the tests talk to, on loopback only, each stopped by its own PID.
#   scripts/test-services.sh start   # install when missing, start, wait until ready; prints env exports
#   scripts/test-services.sh stop
# PostgreSQL runs as a private throw-away cluster (its own data folder and port), so it never
# touches a cluster the machine already has.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
ROOT=${IHUB_SERVICES_DIR:-/tmp/ihub-test-services}
PG_PORT=${IHUB_PG_PORT:-55432}
PG_DIR=$ROOT/postgres

log() { echo "[test-services] $*" >&2; }

ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_pg() {
  ensure_packages postgresql
  local bin; bin=$(pg_bin)
  mkdir -p "$ROOT"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DIR"
    as_pg "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    # fsync off: test data is disposable; durability of the hub itself is tested on SQLite files and by killing the host.
    as_pg "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null
  fi
  for _ in $(seq 1 150); do "$bin/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 0.2; done
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres >/dev/null <<'SQL'
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='ihub') THEN CREATE ROLE ihub LOGIN SUPERUSER PASSWORD 'ihub'; END IF; END $$;
SELECT 'CREATE DATABASE ihub OWNER ihub' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname='ihub')\gexec
SQL
  log "postgresql ready on 127.0.0.1:$PG_PORT (pid $(head -1 "$PG_DIR/postmaster.pid"))"
  echo "export IHUB_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=ihub;Password=ihub;Database=ihub'"
}

stop_pg() {
  [ -f "$PG_DIR/postmaster.pid" ] || return 0
  local pid; pid=$(head -1 "$PG_DIR/postmaster.pid")
  kill -INT "$pid" 2>/dev/null || true   # SIGINT: fast shutdown
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  log "postgresql stopped (pid $pid)"
}

case "${1:-start}" in
  start) start_pg ;;
  stop) stop_pg ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
