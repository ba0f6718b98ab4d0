#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests; prints its URL on stdout (all else on stderr).
#   url=$(bash .ci/start-postgres.sh)    # install if needed, init a fresh cluster, start, create a db
#   bash .ci/start-postgres.sh --stop    # stop it and delete its folder
# The cluster lives in $NEWSEVENTS_PG_DIR (default ${TMPDIR:-/tmp}/newsevents-pg), is owned by the
# user running this (by `postgres` when that is root, as initdb refuses root), trusts local
# connections, listens on 127.0.0.1 at a free port (or $NEWSEVENTS_PG_PORT) and on a socket in
# that folder. Starting again stops the previous one first: each run begins from an empty cluster.
set -euo pipefail

DIR="${NEWSEVENTS_PG_DIR:-${TMPDIR:-/tmp}/newsevents-pg}"
DB=newsevents_test
USER_NAME=newsevents

log() { echo "start-postgres: $*" >&2; }

find_bindir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  # Debian and Ubuntu keep the server programs off PATH, one folder per major version.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_server() {
  [ -e "$DIR" ] || return 0
  if [ ! -f "$DIR/.newsevents-pg" ]; then
    log "$DIR exists and was not made by this script; set NEWSEVENTS_PG_DIR to another folder"
    exit 1
  fi
  if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}

install_postgres() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  log "initdb/pg_ctl not found: installing postgresql with apt-get"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo 55432
}

BIN=$(find_bindir)
if [ "${1:-}" = "--stop" ]; then
  stop_server
  exit 0
fi
if [ -z "$BIN" ]; then
  install_postgres
  BIN=$(find_bindir)
  [ -n "$BIN" ] || { log "postgresql installed but initdb not found"; exit 1; }
fi

stop_server
mkdir -p "$DIR"
touch "$DIR/.newsevents-pg"
chmod 755 "$DIR"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
  chown postgres: "$DIR"
fi
PORT="${NEWSEVENTS_PG_PORT:-$(free_port)}"
as_owner "$BIN/initdb" -D "$DIR/data" -U "$USER_NAME" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
  || as_owner "$BIN/initdb" -D "$DIR/data" -U "$USER_NAME" -A trust -E UTF8 --locale=C >&2
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off" start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" "$DB"
log "server up (data in $DIR/data, log in $DIR/server.log); stop it with: bash $0 --stop"
echo "postgresql://$USER_NAME@127.0.0.1:$PORT/$DB"
