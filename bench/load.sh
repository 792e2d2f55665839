#!/usr/bin/env bash
# Load test of the Release service on 127.0.0.1 with wrk (Debian package "wrk"), all endpoints in the same run:
# the plain-text ping as the ceiling, /api/locate, /api/managers/nearby by position and by postcode over N synthetic
# managers, /api/coverage and OGC API items (by bbox, and by a CQL2 filter). The resident memory of the service is
# printed at the end.
# Each endpoint: ROUNDS rounds of DURATION at 64 connections, 2 threads; prints requests/s and p99 per round, the
# medians, and each endpoint's ratio to the ceiling. Requests go only to 127.0.0.1 and stop after each round.
# Usage: bench/load.sh [MANAGERS] [ROUNDS] [DURATION]      e.g. bench/load.sh 100000 3 10s
# SERVICE=DIR measures the service published in DIR (e.g. with the publish profile Server, as docs/deployment.md does)
# instead of the Release build. STORE=postgis measures the server mode instead: a database fmnrw_load on the local PostGIS server that
# tests/postgis-server.sh starts (role directory_test); the default is a GeoPackage in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
managers=${1:-100000}; rounds=${2:-3}; duration=${3:-10s}; port=5390
work=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
dotnet build -c Release Directory.Api >/dev/null
dotnet build -c Release Directory.Import >/dev/null
dotnet build -c Release seeds/generator >/dev/null
public_count="select count(*) from familienmanager where veroeffentlichen and status = 'aktiv'"
if [ "${STORE:-geopackage}" = postgis ]; then
  db="Host=127.0.0.1;Username=directory_test;Password=directory_test;Database=fmnrw_load"
  PGPASSWORD=directory_test psql -qtA -h 127.0.0.1 -U directory_test -d postgres -c "DROP DATABASE IF EXISTS fmnrw_load WITH (FORCE)" >/dev/null
  count() { PGPASSWORD=directory_test psql -qtA -h 127.0.0.1 -U directory_test -d fmnrw_load -c "$public_count"; }
else
  db="Data Source=$work/load.gpkg"
  count() { sqlite3 "$work/load.gpkg" "$public_count" 2>/dev/null || echo "?"; }
fi
dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll geography --db "$db" >/dev/null
dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll --out "$work/list.csv" --count "$managers" >/dev/null
dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll list "$work/list.csv" --db "$db" >/dev/null
public=$(count)
if [ -n "${SERVICE:-}" ]; then service=("$SERVICE/Directory.Api"); else service=(dotnet Directory.Api/bin/Release/net10.0/Directory.Api.dll); fi

# The rate limit (Security:PermitsPerMinute) would answer wrk's single client with 429s: off for the measurement.
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Security__PermitsPerMinute=0 \
  "${service[@]}" --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Directory="$db" >"$work/service.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.2; done
# Warm-up, not measured.
wrk -t2 -c64 -d3s -s bench/nearby.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$port/api/ping" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { # label, wrk args...; prints "rps p99_ms errors"
  wrk -t2 -c64 -d"$duration" --latency "$@" "http://127.0.0.1:$port${path:-}" > "$work/out"
  local rps p99 errors
  rps=$(awk '/Requests\/sec/{print $2}' "$work/out")
  p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$work/out")
  errors=$(awk '/Non-2xx|Socket errors/{print}' "$work/out" | tr '\n' ' ')
  echo "$rps $p99 ${errors:-0}"
}

declare -A rps_median
echo "store: ${STORE:-geopackage}; managers in the list: $managers (public: $public); $rounds rounds of $duration, 64 connections, 2 threads"
all="ping locate nearby nearby-plz coverage ogc ogc-filter"
for endpoint in ${ENDPOINTS:-$all}; do
  results=()
  for _ in $(seq 1 "$rounds"); do
    case $endpoint in
      ping) path=/api/ping; results+=("$(run)") ;;
      nearby) path=; results+=("$(run -s bench/nearby.lua)") ;;
      locate) path=; results+=("$(run -s bench/locate.lua)") ;;
      nearby-plz) path=; results+=("$(run -s bench/nearby-plz.lua)") ;;
      coverage) path=; results+=("$(run -s bench/coverage.lua)") ;;
      ogc) path=; results+=("$(run -s bench/ogc.lua)") ;;
      ogc-filter) path=; results+=("$(run -s bench/ogc-filter.lua)") ;;
    esac
  done
  rps_median[$endpoint]=$(printf '%s\n' "${results[@]}" | awk '{print $1}' | median)
  printf '%-8s rps: %s | median %s | p99 ms: %s | median %s | errors: %s\n' "$endpoint" \
    "$(printf '%s\n' "${results[@]}" | awk '{print $1}' | tr '\n' ' ')" "${rps_median[$endpoint]}" \
    "$(printf '%s\n' "${results[@]}" | awk '{print $2}' | tr '\n' ' ')" "$(printf '%s\n' "${results[@]}" | awk '{print $2}' | median)" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f3- | sort -u | tr '\n' ' ')"
done
for endpoint in $(echo ${ENDPOINTS:-$all} | tr " " "\n" | grep -v ping); do
  awk -v a="${rps_median[$endpoint]}" -v b="${rps_median[ping]}" -v e="$endpoint" 'BEGIN{printf "%s / ping = %.1f %%\n", e, 100*a/b}'
done
echo "resident memory of the service after the run: $(awk '/VmRSS/{printf "%d MB", $2/1024}' /proc/$pid/status)" \
  "(heap and stacks $(awk '/RssAnon/{printf "%d MB", $2/1024}' /proc/$pid/status), code and files mapped $(awk '/RssFile/{printf "%d MB", $2/1024}' /proc/$pid/status))"
