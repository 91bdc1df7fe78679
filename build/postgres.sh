#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for the demo and the tests (installing PostgreSQL, and PgBouncer for the tests, when missing)
# and prints its connection string. Idempotent: a running cluster is reused.
#   PGM_PG_PORT  port to listen on (default 54329)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PGM_PG_PORT:-54329}"
password="postgres"
cluster="$root/artifacts/postgres"
data="$cluster/data"

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
  echo "PostgreSQL server not found: installing it with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

# The tests also put PgBouncer between the bundle and the server (transaction pooling must be refused).
if ! command -v pgbouncer >/dev/null 2>&1 && [ ! -x /usr/sbin/pgbouncer ]; then
  echo "PgBouncer not found: installing it with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq pgbouncer >&2
fi

# PostgreSQL refuses to run as root: run the server as the postgres user.
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir "$cluster" --shell /bin/bash postgres
fi

mkdir -p "$cluster"
if [ "$(id -u)" = "0" ]; then
  chown postgres "$cluster"; chmod 700 "$cluster"
  # A checkout under a private home (/root is 0700) is out of the postgres user's reach: keep the data elsewhere.
  if ! runuser -u postgres -- test -w "$cluster"; then
    cluster="/var/tmp/migrations-sdk-postgres-$(printf '%s' "$root" | md5sum | cut -c1-12)"
    data="$cluster/data"
    echo "note: $root is not accessible to the postgres user; the cluster lives in $cluster" >&2
    mkdir -p "$cluster"; chown postgres "$cluster"; chmod 700 "$cluster"
  fi
fi

if [ ! -f "$data/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "$password" > "$pwfile"
  [ "$(id -u)" = "0" ] && chown postgres "$pwfile"
  as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  # Already running: its port is the fourth line of postmaster.pid.
  port="$(sed -n 4p "$data/postmaster.pid")"
else
  # Another server (another checkout's cluster, say) may hold the preferred port: take the next free one.
  while ! port_is_free "$port"; do port=$((port + 1)); done
  as_owner "$bin/pg_ctl" -D "$data" -l "$cluster/server.log" -o "-p $port" -w -t 60 start >/dev/null
fi

echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres"
