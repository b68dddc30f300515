#!/usr/bin/env bash
# Starts (or stops) a throw-away OpenLDAP server on loopback for the LDAP sign-in tests, loaded
# afresh from test/fixtures/ldap/directory.ldif at each start.
#   scripts/test-slapd.sh start   → prints the URL to use as LIGHTPATH_TEST_LDAP_URL
#   scripts/test-slapd.sh stop
# The server offers StartTLS with test/fixtures/ldap/test-server.pem, a self-signed certificate
# for 127.0.0.1 made for these tests only. Needs Debian's slapd and ldap-utils. Everything lives in a temporary directory with its own
# configuration file: the system's slapd configuration is neither read nor changed. As root the
# server runs as the "openldap" user the package creates, owning that directory.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${LIGHTPATH_TEST_LDAP_DIR:-/tmp/lightpath-test-ldap}
PORT=${LIGHTPATH_TEST_LDAP_PORT:-38929}
URL="ldap://127.0.0.1:$PORT"
SLAPD=/usr/sbin/slapd
[ -x "$SLAPD" ] || { echo "slapd not found (apt-get install slapd ldap-utils)" >&2; exit 1; }
command -v ldapadd >/dev/null || { echo "ldapadd not found (apt-get install ldap-utils)" >&2; exit 1; }

running() {
  [ -f "$DIR/slapd.pid" ] && kill -0 "$(cat "$DIR/slapd.pid")" 2>/dev/null
}

stop() {
  if running; then
    kill "$(cat "$DIR/slapd.pid")"
    for _ in $(seq 50); do running || break; sleep 0.1; done
  fi
}

case "${1:-}" in
  start)
    stop
    rm -rf "$DIR"
    mkdir -p "$DIR/data"
    # StartTLS with the fixture's self-signed certificate for 127.0.0.1 (the tests trust it by file).
    cp "$ROOT/test/fixtures/ldap/test-server.pem" "$ROOT/test/fixtures/ldap/test-server.key" "$DIR/"
    cat > "$DIR/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $DIR/slapd.pid
TLSCertificateFile $DIR/test-server.pem
TLSCertificateKeyFile $DIR/test-server.key
argsfile $DIR/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof

database mdb
maxsize 104857600
suffix "dc=example,dc=org"
rootdn "cn=admin,dc=example,dc=org"
rootpw admin-secret
directory $DIR/data
overlay memberof
memberof-refint TRUE

# People bind as themselves; only the service account reads the directory.
access to attrs=userPassword by self write by anonymous auth by * none
access to * by dn.exact="cn=lightpath,ou=services,dc=example,dc=org" read by self read by anonymous auth by * none
CONF
    OWNER=()
    if [ "$(id -u)" = 0 ]; then
      chown -R openldap:openldap "$DIR"
      OWNER=(-u openldap -g openldap)
    fi
    "$SLAPD" -f "$DIR/slapd.conf" -h "$URL/" "${OWNER[@]}" 2>"$DIR/slapd.log" || { cat "$DIR/slapd.log" >&2; exit 1; }
    for _ in $(seq 100); do
      ldapsearch -x -H "$URL" -b "" -s base >/dev/null 2>&1 && break
      sleep 0.1
    done
    ldapadd -x -H "$URL" -D "cn=admin,dc=example,dc=org" -w admin-secret -f "$ROOT/test/fixtures/ldap/directory.ldif" >"$DIR/load.log" \
      || { cat "$DIR/load.log" >&2; exit 1; }
    echo "$URL"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
