#!/usr/bin/env bash
# Starts a local PostgreSQL + PostGIS server for the PostGIS half of the test suites (tests/*.Postgis), the way CI
# does: Debian's packages, the default cluster on 127.0.0.1:5432, and a role `directory_test` that may create
# databases but is no superuser (as a deployment's service role). PostGIS is installed into template1 by the
# administrator, so that every database the tests create has it. Idempotent; needs root (apt-get, runuser).
# The tests find the role without configuration; another server: DIRECTORY_TEST_POSTGIS="Host=…;Username=…;Password=…".
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql postgis postgresql-postgis >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
  sleep 1
done

as_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }
as_admin -d template1 -c "CREATE EXTENSION IF NOT EXISTS postgis"
if [ -z "$(as_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'directory_test'")" ]; then
  as_admin -c "CREATE ROLE directory_test LOGIN CREATEDB PASSWORD 'directory_test'"
fi
# Dropping a test's database WITH (FORCE) must also end an autovacuum worker that has just started on it.
as_admin -c "GRANT pg_signal_backend TO directory_test"
echo "PostGIS $(as_admin -d template1 -c 'SELECT postgis_lib_version()') on PostgreSQL $version at 127.0.0.1:5432, role directory_test"
