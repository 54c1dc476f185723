# Sourced by .ci/run before `make test`: a throwaway PostgreSQL cluster on loopback for the
# storage tests. Installs Debian's postgresql when missing, runs the server as an unprivileged
# user (initdb refuses root), exports TIDINGS_TEST_PG, and stops the server when the caller exits.
# Usage: source .ci/postgres.sh   (then: echo "$TIDINGS_TEST_PG")

_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v initdb >/dev/null 2>&1; then d=$(dirname "$(command -v initdb)"); fi
  echo "$d"
}

if [ -z "$(_pg_bindir)" ]; then
  echo "postgres.sh: installing postgresql from the Debian packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
TIDINGS_PG_BIN=$(_pg_bindir)
TIDINGS_PG_DIR=$(mktemp -d /tmp/tidings-pg.XXXXXX)
TIDINGS_PG_PORT=${TIDINGS_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
_pg_user=$(id -un)
if [ "$(id -u)" = "0" ]; then
  _pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown "$_pg_user" "$TIDINGS_PG_DIR"
fi
_pg_as() { if [ "$(id -u)" = "0" ]; then su "$_pg_user" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

_pg_as "'$TIDINGS_PG_BIN/initdb' -D '$TIDINGS_PG_DIR/data' -U tidings -A trust -E UTF8 --locale=C.UTF-8 >'$TIDINGS_PG_DIR/initdb.log' 2>&1"
_pg_as "'$TIDINGS_PG_BIN/pg_ctl' -D '$TIDINGS_PG_DIR/data' -l '$TIDINGS_PG_DIR/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $TIDINGS_PG_PORT -k '$TIDINGS_PG_DIR' -c fsync=off\" start >/dev/null"
_pg_stop() { _pg_as "'$TIDINGS_PG_BIN/pg_ctl' -D '$TIDINGS_PG_DIR/data' -m fast stop >/dev/null 2>&1"; rm -rf "$TIDINGS_PG_DIR"; }
trap _pg_stop EXIT
export TIDINGS_TEST_PG="postgresql://tidings@127.0.0.1:$TIDINGS_PG_PORT/postgres"
echo "postgres.sh: PostgreSQL running at $TIDINGS_TEST_PG" >&2
