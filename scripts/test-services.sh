#!/usr/bin/env bash
# Servers the tests talk to, on loopback only, each stopped by its own PID.
#   scripts/test-services.sh start            # install when missing, start, wait until ready; prints env exports
#   scripts/test-services.sh stop             # stop them all (fine when some are not running)
#   scripts/test-services.sh rabbitmq-stop    # stop only the RabbitMQ node, keeping its data (e.g. mid-test)
#   scripts/test-services.sh rabbitmq-start   # start it again; returns once it accepts AMQP connections
#   scripts/test-services.sh rabbitmqctl ARGS # rabbitmqctl against the private node (own cookie and epmd port)
# IHUB_TEST_SERVICES picks the servers (default "postgres rabbitmq mail"); ports: IHUB_PG_PORT,
# IHUB_RABBITMQ_PORT, IHUB_SMTP_PORT, IHUB_IMAP_PORT; everything lives under IHUB_SERVICES_DIR.
# start also installs Debian's Chromium for the browser tests of the hub's pages (no server: the tests
# launch it themselves) and exports its path as IHUB_TEST_CHROMIUM.
#
# PostgreSQL runs as a private throw-away cluster (its own data folder and port), so it never
# touches a cluster the machine already has. RabbitMQ runs as a private node rabbit@localhost
# (own data, config, Erlang cookie and an epmd of its own on a private port). Mail: OpenSMTPD (no TLS,
# no auth, no relay action at all) delivers every recipient over LMTP into Dovecot, where any user
# name logs in over IMAP with the password "secret" and has a mailbox of its own (catch-all).
# OpenSMTPD has fixed spool and control-socket paths, so only one can run per machine; the mail
# stack needs root (as another user it runs through passwordless sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
ROOT=${IHUB_SERVICES_DIR:-/tmp/ihub-test-services}
SERVICES=${IHUB_TEST_SERVICES:-postgres rabbitmq mail}
PG_PORT=${IHUB_PG_PORT:-55432}
PG_DIR=$ROOT/postgres
RMQ_PORT=${IHUB_RABBITMQ_PORT:-55672}
RMQ_DIST_PORT=${IHUB_RABBITMQ_DIST_PORT:-$((RMQ_PORT + 1))}
RMQ_EPMD_PORT=${IHUB_RABBITMQ_EPMD_PORT:-54369}
RMQ_DIR=$ROOT/rabbitmq
SMTP_PORT=${IHUB_SMTP_PORT:-2525}
IMAP_PORT=${IHUB_IMAP_PORT:-1143}
MAIL_PASSWORD=secret
DOVE_DIR=$ROOT/dovecot
SMTPD_DIR=$ROOT/smtpd
CHROMIUM=/usr/lib/chromium/chromium
SELF=$(readlink -f "$0")

log() { echo "[test-services] $*" >&2; }
is_root() { [ "$(id -u)" -eq 0 ]; }
if is_root; then SUDO=; else SUDO=sudo; fi
now_ms() { date +%s%3N; }
since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%01d s' $((ms / 1000)) $((ms % 1000 / 100)); }

CLEANUP=() OWN_POLICY=
cleanup() {
  if [ ${#CLEANUP[@]} -gt 0 ]; then rm -rf "${CLEANUP[@]}"; fi
  if [ -n "$OWN_POLICY" ]; then $SUDO rm -f "$OWN_POLICY"; fi
}
trap cleanup EXIT

ensure_packages() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local t0; t0=$(now_ms)
  $SUDO apt-get update -q >/dev/null
  local removals
  removals=$($SUDO apt-get install -s -q --no-install-recommends "${missing[@]}" | awk '/^Remv /{printf "%s ", $2}')
  if [ -n "$removals" ] && [ "${CI:-}" != true ] && [ "${IHUB_ALLOW_PACKAGE_REMOVAL:-}" != 1 ]; then
    log "installing ${missing[*]} would remove ${removals}(OpenSMTPD replaces the machine's mail server); set IHUB_ALLOW_PACKAGE_REMOVAL=1 to allow that"
    return 1
  fi
  # A package must not start its system service (ports 25/143/5672 on all interfaces, OpenSMTPD's
  # one spool): deny that through policy-rc.d, honoured by invoke-rc.d and deb-systemd-invoke.
  local policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    OWN_POLICY=$policy
    printf '#!/bin/sh\n# scripts/test-services.sh: no service starts while it installs packages\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
  fi
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  if [ -n "$OWN_POLICY" ]; then $SUDO rm -f "$policy"; OWN_POLICY=; fi
  log "installed ${missing[*]} in $(since "$t0")"
}

# alive PID WORD: the process runs and its command line contains WORD (so a stale pid file whose PID
# was reused by something else is never signalled).
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"; }
# running PID: not yet ended; a zombie counts as ended (an init may take seconds to reap it)
running() { local st; st=$(sed -n 's/.*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1; [ -n "$st" ] && [ "$st" != Z ]; }
pid_of() { if [ -s "$1" ]; then head -1 "$1"; fi; }
# stop_pid NAME PIDFILE WORD: SIGTERM, up to 30 s for it to end, then SIGKILL; removes the pid file.
stop_pid() {
  local pid; pid=$(pid_of "$2")
  if alive "$pid" "$3"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then log "$1 (pid $pid) still runs 30 s after SIGTERM: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; fi
    log "$1 stopped (pid $pid)"
  fi
  rm -f "$2"
}
wait_for() { local what=$1 tries=$2; shift 2; for _ in $(seq 1 "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; log "timeout waiting for $what"; return 1; }
port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }
# greets PORT PREFIX [QUIT]: the server's first line starts with PREFIX.
greets() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; read -r l <&3; [ -z "$2" ] || printf "%s\r\n" "$2" >&3; [[ $l == "$1"* ]]' "$@" 2>/dev/null
}
# A real AMQP 0-9-1 handshake start: the protocol header must be answered by a method frame (Connection.Start).
amqp_ready() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; printf "AMQP\0\0\11\1" >&3; [ "$(head -c 1 <&3 | od -An -tu1 | tr -d " ")" = 1 ]' "$RMQ_PORT" 2>/dev/null
}
tail_log() { log "last lines of $1:"; tail -n 25 "$1" 2>/dev/null | sed 's/^/    /' >&2 || true; }

# ---------------------------------------------------------------------------------------- PostgreSQL
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  ensure_packages postgresql
  local bin; bin=$(pg_bin)
  mkdir -p "$ROOT"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"; if is_root; then chown postgres:postgres "$PG_DIR"; fi
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

stop_postgres() {
  [ -f "$PG_DIR/postmaster.pid" ] || return 0
  local pid; pid=$(head -1 "$PG_DIR/postmaster.pid")
  kill -INT "$pid" 2>/dev/null || true   # SIGINT: fast shutdown
  for _ in $(seq 1 300); do running "$pid" || break; sleep 0.1; done
  log "postgresql stopped (pid $pid)"
}

# ------------------------------------------------------------------------------------------ RabbitMQ
# The node and its epmd run as user rabbitmq when we are root (as the caller otherwise), with HOME in
# the services dir so the Erlang cookie is private too. Both stay on 127.0.0.1 (AMQP, distribution,
# epmd, the CLI's own distribution port). -start_epmd false: nothing may spawn an epmd we do not track.
if is_root; then RMQ_AS=(setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups); else RMQ_AS=(); fi
RMQ_ENV=(HOME="$RMQ_DIR" LC_ALL=C.UTF-8 LANG=C.UTF-8 ERL_CRASH_DUMP="$RMQ_DIR/log/erl_crash.dump"
  RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RMQ_PORT"
  RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$RMQ_EPMD_PORT"
  RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" RABBITMQ_LOG_BASE="$RMQ_DIR/log" RABBITMQ_PID_FILE="$RMQ_DIR/rabbit.pid"
  RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false +sbwt none +sbwtdcpu none +sbwtdio none"
  RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false")
rmq_node_alive() { alive "$(pid_of "$RMQ_DIR/rabbit.pid")" beam || alive "$(pid_of "$RMQ_DIR/launcher.pid")" rabbitmq-server; }

start_epmd() {
  if ! alive "$(pid_of "$RMQ_DIR/epmd.pid")" epmd; then
    local epmd; epmd=$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd | tail -1)
    # foreground (no -daemon), so $! is its PID
    (cd "$RMQ_DIR" && exec setsid "${RMQ_AS[@]}" "$epmd" -address 127.0.0.1 -port "$RMQ_EPMD_PORT" </dev/null >>"$RMQ_DIR/log/epmd.log" 2>&1) &
    echo $! > "$RMQ_DIR/epmd.pid"
  fi
  wait_for "epmd on 127.0.0.1:$RMQ_EPMD_PORT" 50 port_open "$RMQ_EPMD_PORT"
  alive "$(pid_of "$RMQ_DIR/epmd.pid")" epmd || { tail_log "$RMQ_DIR/log/epmd.log"; log "epmd exited (port $RMQ_EPMD_PORT taken?)"; return 1; }
}

start_rabbitmq() {
  ensure_packages rabbitmq-server
  local t0; t0=$(now_ms)
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  printf '[].\n' > "$RMQ_DIR/enabled_plugins"          # no plugins (no management UI)
  : > "$RMQ_DIR/rabbitmq-env.conf"                      # and not /etc/rabbitmq/rabbitmq-env.conf
  cat > "$RMQ_DIR/rabbitmq.conf" <<'CONF'
# the AMQP listener comes from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT; guest may log in from loopback only
loopback_users.guest = true
log.console = false
log.file.level = info
CONF
  if is_root; then chown -R rabbitmq:rabbitmq "$RMQ_DIR"; fi
  start_epmd
  if ! rmq_node_alive; then
    rm -f "$RMQ_DIR/rabbit.pid"
    # the launcher script runs in the foreground and turns SIGTERM into a clean node shutdown
    (cd "$RMQ_DIR" && exec setsid "${RMQ_AS[@]}" env "${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server \
      </dev/null >>"$RMQ_DIR/log/server.out" 2>&1) &
    echo $! > "$RMQ_DIR/launcher.pid"
  fi
  local ok=
  for _ in $(seq 1 600); do   # up to 2 minutes
    if amqp_ready; then ok=1; break; fi
    rmq_node_alive || break
    sleep 0.2
  done
  if [ -z "$ok" ]; then
    tail_log "$RMQ_DIR/log/server.out"; tail_log "$RMQ_DIR/log/rabbit@localhost.log"
    log "rabbitmq did not come up on 127.0.0.1:$RMQ_PORT"; return 1
  fi
  log "rabbitmq ready on 127.0.0.1:$RMQ_PORT in $(since "$t0") (pid $(pid_of "$RMQ_DIR/rabbit.pid"))"
  echo "export IHUB_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RMQ_PORT/'"
}

stop_rabbitmq_node() {
  local t0 launcher; t0=$(now_ms); launcher=$(pid_of "$RMQ_DIR/launcher.pid")
  [ -n "$(pid_of "$RMQ_DIR/rabbit.pid")$launcher" ] || return 0
  stop_pid rabbitmq "$RMQ_DIR/rabbit.pid" beam
  for _ in $(seq 1 50); do alive "$launcher" rabbitmq-server || break; sleep 0.1; done   # it ends with the node
  stop_pid "rabbitmq launcher" "$RMQ_DIR/launcher.pid" rabbitmq-server
  log "rabbitmq node down after $(since "$t0")"
}

stop_rabbitmq() {
  stop_rabbitmq_node
  stop_pid epmd "$RMQ_DIR/epmd.pid" epmd
}

rabbitmqctl() { "${RMQ_AS[@]}" env "${RMQ_ENV[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n rabbit@localhost "$@"; }

# ---------------------------------------------------------------------------------------------- mail
start_dovecot() {
  id vmail >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin vmail
  local uid gid; uid=$(id -u vmail); gid=$(id -g vmail)
  mkdir -p "$DOVE_DIR/run" "$DOVE_DIR/mail"; chown vmail:vmail "$DOVE_DIR/mail"
  # Catch-all: every user name (IMAP login or LMTP recipient, lower-cased) is its own mailbox.
  # No recipient_delimiter, so anna+x@example.se is a mailbox apart from anna@example.se.
  cat > "$DOVE_DIR/dovecot.conf.new" <<CONF
base_dir = $DOVE_DIR/run
instance_name = ihub-test-dovecot
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login xoauth2 oauthbearer
auth_username_chars = abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@+
log_path = $DOVE_DIR/dovecot.log
mail_location = maildir:~/Maildir
first_valid_uid = 100
recipient_delimiter =
passdb {
  driver = static
  args = password=$MAIL_PASSWORD
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$DOVE_DIR/mail/%Lu allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
protocol lmtp {
  postmaster_address = postmaster@example.local
}
namespace inbox {
  inbox = yes
}
CONF
  local conf=$DOVE_DIR/dovecot.conf
  if alive "$(pid_of "$DOVE_DIR/run/master.pid")" dovecot; then
    if ! cmp -s "$conf.new" "$conf"; then mv "$conf.new" "$conf"; doveadm -c "$conf" reload; fi
  else
    mv "$conf.new" "$conf"
    # dovecot keeps the caller's stderr open: redirect it, or `... | tee` and $(...) never end
    dovecot -c "$conf" </dev/null >>"$DOVE_DIR/dovecot.log" 2>&1 || { tail_log "$DOVE_DIR/dovecot.log"; return 1; }
  fi
  rm -f "$conf.new"
  wait_for "dovecot auth" 100 doveadm -c "$conf" user probe@example.local
  wait_for "dovecot lmtp socket" 50 test -S "$DOVE_DIR/run/lmtp"
  wait_for "imap on 127.0.0.1:$IMAP_PORT" 100 greets "$IMAP_PORT" "* OK" "a LOGOUT"
  log "dovecot ready: imap 127.0.0.1:$IMAP_PORT (pid $(pid_of "$DOVE_DIR/run/master.pid"))"
}

start_smtpd() {
  mkdir -p "$SMTPD_DIR"
  printf '@ vmail\n' > "$SMTPD_DIR/vusers"   # every recipient is delivered as system user vmail
  cat > "$SMTPD_DIR/smtpd.conf.new" <<CONF
# loopback only, and deliberately no "relay" action: nothing can leave the machine
table vusers file:$SMTPD_DIR/vusers
listen on 127.0.0.1 port $SMTP_PORT hostname mail.example.local
action "dovecot" lmtp "$DOVE_DIR/run/lmtp" rcpt-to virtual <vusers>
match from any for any action "dovecot"
CONF
  smtpd -n -f "$SMTPD_DIR/smtpd.conf.new" >/dev/null 2>&1 || { smtpd -n -f "$SMTPD_DIR/smtpd.conf.new"; return 1; }
  local pid; pid=$(pid_of "$SMTPD_DIR/smtpd.pid")
  if alive "$pid" smtpd && cmp -s "$SMTPD_DIR/smtpd.conf.new" "$SMTPD_DIR/smtpd.conf"; then
    rm -f "$SMTPD_DIR/smtpd.conf.new"   # already running with this configuration
  else
    stop_pid opensmtpd "$SMTPD_DIR/smtpd.pid" smtpd
    # A system OpenSMTPD (started when the package was installed without policy-rc.d) holds the one
    # spool and control socket: stop it by its pid file.
    local sys; sys=$(pid_of /run/smtpd.pid)
    if alive "$sys" smtpd; then log "stopping the system OpenSMTPD (pid $sys from /run/smtpd.pid): one per machine"; stop_pid "system opensmtpd" /run/smtpd.pid smtpd; fi
    mv "$SMTPD_DIR/smtpd.conf.new" "$SMTPD_DIR/smtpd.conf"
    # -d: foreground, logging to stderr, so $! is the master PID
    (exec setsid smtpd -d -f "$SMTPD_DIR/smtpd.conf" </dev/null >>"$SMTPD_DIR/smtpd.log" 2>&1) &
    echo $! > "$SMTPD_DIR/smtpd.pid"
  fi
  if ! wait_for "smtp on 127.0.0.1:$SMTP_PORT" 100 greets "$SMTP_PORT" 220 QUIT || ! alive "$(pid_of "$SMTPD_DIR/smtpd.pid")" smtpd; then
    tail_log "$SMTPD_DIR/smtpd.log"; return 1
  fi
  log "opensmtpd ready: smtp 127.0.0.1:$SMTP_PORT (pid $(pid_of "$SMTPD_DIR/smtpd.pid"))"
}

start_mail() {
  if ! is_root; then
    sudo -n true 2>/dev/null || { log "the mail stack (OpenSMTPD) needs root: run as root or with passwordless sudo"; return 1; }
    sudo -n env IHUB_SERVICES_DIR="$ROOT" IHUB_SMTP_PORT="$SMTP_PORT" IHUB_IMAP_PORT="$IMAP_PORT" "$SELF" mail-start
    return
  fi
  ensure_packages dovecot-imapd dovecot-lmtpd opensmtpd
  mkdir -p "$ROOT"
  start_dovecot
  start_smtpd
  echo "export IHUB_TEST_SMTP='127.0.0.1:$SMTP_PORT'"
  echo "export IHUB_TEST_IMAP='127.0.0.1:$IMAP_PORT'"
  echo "export IHUB_TEST_IMAP_PASSWORD='$MAIL_PASSWORD'"
}

stop_mail() {
  if ! is_root; then
    [ -e "$SMTPD_DIR" ] || [ -e "$DOVE_DIR" ] || return 0
    sudo -n env IHUB_SERVICES_DIR="$ROOT" "$SELF" mail-stop
    return
  fi
  stop_pid opensmtpd "$SMTPD_DIR/smtpd.pid" smtpd
  stop_pid dovecot "$DOVE_DIR/run/master.pid" dovecot
}

# ---------------------------------------------------------------------------------------------- all
check_services() {
  local s; for s in $SERVICES; do
    case $s in postgres|rabbitmq|mail) ;; *) log "unknown service '$s' in IHUB_TEST_SERVICES (postgres rabbitmq mail)"; exit 2 ;; esac
  done
}
wants() { [[ " $SERVICES " == *" $1 "* ]]; }

# Packages first (one apt run), then the servers in parallel; exports in a fixed order.
start_all() {
  local t0; t0=$(now_ms)
  local pkgs=()
  if wants postgres; then pkgs+=(postgresql); fi
  if wants rabbitmq; then pkgs+=(rabbitmq-server); fi
  if wants mail; then pkgs+=(dovecot-imapd dovecot-lmtpd opensmtpd); fi
  pkgs+=(chromium)   # not a server: the page tests launch it headless themselves
  ensure_packages "${pkgs[@]}"
  mkdir -p "$ROOT"
  local out; out=$(mktemp -d "${TMPDIR:-/tmp}/ihub-test-services-start.XXXXXX"); CLEANUP+=("$out")
  local s pids=() names=() failed=()
  for s in $SERVICES; do
    ( "start_$s" ) >"$out/$s" &
    pids+=($!); names+=("$s")
  done
  local i; for i in "${!pids[@]}"; do wait "${pids[$i]}" || failed+=("${names[$i]}"); done
  [ ${#failed[@]} -eq 0 ] || { log "could not start: ${failed[*]}"; return 1; }
  for s in "${names[@]}"; do cat "$out/$s"; done
  echo "export IHUB_TEST_CHROMIUM=$CHROMIUM"
  log "all ready in $(since "$t0")"
}

stop_all() {
  local s pids=() names=() rc=0
  for s in mail rabbitmq postgres; do
    if wants "$s"; then ( "stop_$s" ) & pids+=($!); names+=("$s"); fi
  done
  local i; for i in "${!pids[@]}"; do wait "${pids[$i]}" || { log "stopping ${names[$i]} failed"; rc=1; }; done
  return $rc
}

check_services
case "${1:-start}" in
  start) start_all ;;
  stop) stop_all ;;
  rabbitmq-start) start_rabbitmq ;;
  rabbitmq-stop) stop_rabbitmq_node ;;
  rabbitmqctl) shift; rabbitmqctl "$@" ;;
  mail-start) start_mail ;;
  mail-stop) stop_mail ;;
  *) echo "usage: $0 start|stop|rabbitmq-start|rabbitmq-stop|rabbitmqctl ARGS|mail-start|mail-stop" >&2; exit 2 ;;
esac
