#!/usr/bin/env bash
# Issue 32: does one client that asks for the expensive computations as fast as its rate limit allows (600 a minute,
# Security:PermitsPerMinute) take the service from the citizens? On 127.0.0.1, with the NRW-sized generated road
# network (seeds/generator --roads) and the demo list (150 entries):
#   1. citizens' nearby searches (with travel minutes) at 64 connections, alone;
#   2. the same while the hostile client sends, 10 a second, each new: planning in minutes within a random Kreis and
#      date, coverage and gaps in minutes for a random date and mode, coverage history, and CQL2 filters of 150 clauses;
#   3. the answers' status codes of both, and the service's resident memory.
# The service runs without a rate limit (both clients are 127.0.0.1); the hostile client keeps to the limit itself.
# Usage: bench/hostile.sh [DURATION] [SIDE]        e.g. bench/hostile.sh 20s 2236 (SIDE 0: no road network, km only)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}; side=${2:-2236}; port=5392
work=$(mktemp -d); pid=; hostile=
trap 'kill $hostile 2>/dev/null || true; kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release Directory.Api >/dev/null
dotnet build -c Release Directory.Import >/dev/null
dotnet build -c Release seeds/generator >/dev/null
import=(dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll)
"${import[@]}" geography --db "$work/directory.gpkg" >/dev/null
"${import[@]}" list seeds/familienmanager-demo.csv --db "$work/directory.gpkg" >/dev/null
if [ -n "${EXTRACT:-}" ]; then pbf=$EXTRACT; elif [ "$side" != 0 ]; then
  pbf="$work/grid.osm.pbf"; dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll --roads "$pbf" --side "$side" >/dev/null
fi
if [ -n "${pbf:-}" ]; then "${import[@]}" roads "$pbf" --db "$work/directory.gpkg" >/dev/null 2>&1; fi

ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Security__PermitsPerMinute=0 \
  dotnet Directory.Api/bin/Release/net10.0/Directory.Api.dll --urls "http://127.0.0.1:$port" \
  --ConnectionStrings:Directory="Data Source=$work/directory.gpkg" >"$work/service.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.2; done
curl -fs "http://127.0.0.1:$port/api/map/config" >/dev/null # waits for the road network
rss() { awk '/VmRSS/{printf "%d", $2/1024}' /proc/$pid/status; }
citizens() { # label
  wrk -t2 -c64 -d"$duration" --timeout 10s --latency -s bench/nearby.lua "http://127.0.0.1:$port" > "$work/out"
  echo "citizens $1: $(awk '/Requests\/sec/{print $2}' "$work/out") requests/s, p50 $(awk '$1=="50%"{print $2}' "$work/out"), p99 $(awk '$1=="99%"{print $2}' "$work/out") $(grep -E 'Non-2xx|Socket errors' "$work/out" | tr '\n' ' ' || true)"
}

wrk -t2 -c64 -d5s -s bench/nearby.lua "http://127.0.0.1:$port" >/dev/null # warm-up
citizens alone

kreise=(05111 05112 05113 05114 05116 05117 05119 05120 05122 05124 05154 05158 05162 05166 05170 05314 05315 05316 05334
  05358 05362 05366 05370 05374 05378 05382 05512 05513 05515 05554 05558 05562 05566 05570 05711 05754 05758 05762 05766
  05770 05774 05911 05913 05914 05915 05916 05954 05958 05962 05966 05970 05974 05978)
filter=$(for i in $(seq 1 150); do printf "einwohner%%20%%3E%%20%d%%20OR%%20" $((i * 1000)); done)TRUE
hostile_urls() {
  local day kreis
  while [ ! -e "$work/stop" ]; do
    day=$(printf "20%02d-%02d-%02d" $((10 + RANDOM % 16)) $((1 + RANDOM % 12)) $((1 + RANDOM % 28)))
    kreis=${kreise[$((RANDOM % ${#kreise[@]}))]}
    # In minutes over the road network; in km without one (planning's largest radius is 25 km).
    if [ -n "${pbf:-}" ]; then reach="minutes=$((5 + RANDOM % 25))&mode=$([ $((RANDOM % 2)) = 0 ] && echo car || echo foot)"
    else reach="radiusKm=$((1 + RANDOM % 25))"; fi
    case $((RANDOM % 5)) in
      0) echo "/api/planning/suggestions?$reach&within=$kreis&count=3&date=$day" ;;
      1) echo "/api/coverage?level=gemeinde&$reach&date=$day" ;;
      2) echo "/api/coverage/gaps?$reach&date=$day" ;;
      3) echo "/api/coverage/history?level=kreis&radiusKm=$((1 + RANDOM % 50))" ;;
      4) echo "/ogc/collections/gemeinden/items?limit=1000&filter=${filter}" ;;
    esac
  done
}
(
  # Ten a second, each waited for at most a minute; the status of each answer to a file.
  hostile_urls | while read -r url && [ ! -e "$work/stop" ]; do
    curl -s -o /dev/null -m 60 -w "%{http_code}\n" "http://127.0.0.1:$port$url" >> "$work/hostile.codes" &
    sleep 0.1
  done
) &
hostile=$!
sleep 5
citizens "beside the hostile client"
touch "$work/stop"; wait $hostile 2>/dev/null || true
sleep 2
echo "hostile client's answers (503: its turn did not come within Limits:Computations; by design): $(sort "$work/hostile.codes" | uniq -c | awk '{printf "%s × %s, ", $1, $2}')"
echo "resident memory: $(rss) MB"
echo "service log lines with fail/exception: $(grep -ciE "fail|exception" "$work/service.log" || true)"
