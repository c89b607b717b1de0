#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the shared-frontier tests and benchmarks.
#   eval "$(bash scripts/postgres-cluster.sh start DIR)"   # prints export VEILLE_TEST_POSTGRES=…
#   bash scripts/postgres-cluster.sh stop DIR
# DIR is created (a temporary directory); the cluster listens on a free loopback port with
# trust authentication, and is stopped (and DIR removed) by `stop`. PostgreSQL refuses to
# run as root: as root, the cluster runs as the `postgres` user that Debian's package makes.
set -euo pipefail

pg_bin=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ]; then pg_bin="$d"; break; fi
done
if [ -z "$pg_bin" ] && command -v initdb >/dev/null 2>&1; then
  pg_bin="$(dirname "$(command -v initdb)")"
fi
if [ -z "$pg_bin" ]; then
  echo "postgres-cluster: initdb not found (apt-get install postgresql)" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd="${1:-}"
dir="${2:-}"
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: the cluster is thrown away after the run.
    as_pg "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export VEILLE_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
