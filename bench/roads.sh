#!/usr/bin/env bash
# The road network at NRW's size (issues 25 and 34), on 127.0.0.1: a generated network (seeds/generator --roads: over
# NRW's box, 2,236 × 2,236 = 5 million junctions, with a road hierarchy of motorways, primary and residential roads;
# UNIFORM=1: a grid of streets without one) and N synthetic family managers.
# Prints: the import's time and peak memory (reading, and preparing the contraction hierarchies); the service's
# resident memory without and with the network (after the same warm-up); the first coverage answer in minutes by car
# and on foot (the snapshot's travel times); planning in minutes within two Kreise; nearby without the network and
# with travel minutes at 64 connections (3 rounds each), and their ratio.
# Usage: bench/roads.sh [MANAGERS] [SIDE] [DURATION]     e.g. bench/roads.sh 150 2236 10s
# EXTRACT=FILE.osm.pbf measures a real extract instead of the generated network (e.g. tests/TestData/osm/aachen.osm.pbf).
set -euo pipefail
cd "$(dirname "$0")/.."
managers=${1:-100000}; side=${2:-2236}; duration=${3:-10s}; port=5391
work=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
dotnet build -c Release Directory.Api >/dev/null
dotnet build -c Release Directory.Import >/dev/null
dotnet build -c Release seeds/generator >/dev/null
import=(dotnet Directory.Import/bin/Release/net10.0/Directory.Import.dll)
generator=(dotnet seeds/generator/bin/Release/net10.0/Directory.Seeds.Generator.dll)
"${import[@]}" geography --db "$work/plain.gpkg" >/dev/null
"${generator[@]}" --out "$work/list.csv" --count "$managers" >/dev/null
"${import[@]}" list "$work/list.csv" --db "$work/plain.gpkg" >/dev/null
cp "$work/plain.gpkg" "$work/roads.gpkg"

if [ -n "${EXTRACT:-}" ]; then pbf=$EXTRACT; else
  pbf="$work/grid.osm.pbf"; "${generator[@]}" --roads "$pbf" --side "$side" ${UNIFORM:+--uniform}
fi
echo "network file: $pbf ($(du -h "$pbf" | cut -f1))"
/usr/bin/time -f "import: %e s wall, %M KB peak resident" "${import[@]}" roads "$pbf" --db "$work/roads.gpkg" 2>"$work/import.err" | tail -1
grep -E "^import:|100 %" "$work/import.err"

rss() { awk '/VmRSS/{printf "%d", $2/1024}' /proc/$pid/status; }
serve() { # database; starts the service and waits until it answers
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Security__PermitsPerMinute=0 \
    dotnet Directory.Api/bin/Release/net10.0/Directory.Api.dll --urls "http://127.0.0.1:$port" \
    --ConnectionStrings:Directory="Data Source=$1" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do sleep 0.2; done
}
warm() {
  wrk -t2 -c64 -d3s -s bench/nearby.lua "http://127.0.0.1:$port" >/dev/null
  curl -fs "http://127.0.0.1:$port/api/coverage?level=land" >/dev/null
}

round() { # label; three rounds of nearby at 64 connections
  for _ in 1 2 3; do
    wrk -t2 -c64 -d"$duration" --latency -s bench/nearby.lua "http://127.0.0.1:$port" > "$work/out"
    echo "$1: $(awk '/Requests\/sec/{print $2}' "$work/out") requests/s, p99 $(awk '$1=="99%"{print $2}' "$work/out") $(grep -E 'Non-2xx|Socket errors' "$work/out" || true)"
    awk '/Requests\/sec/{print $2}' "$work/out" >> "$work/$2"
  done
}

serve "$work/plain.gpkg"; warm; plain=$(rss)
round "nearby without the network" without
kill $pid; wait $pid 2>/dev/null || true
serve "$work/roads.gpkg"
# The network loads in the background after the first snapshot; map/config waits for it.
start=$(date +%s.%N); curl -fs "http://127.0.0.1:$port/api/map/config" >/dev/null; loaded=$(date +%s.%N)
echo "network loaded $(awk -v a="$start" -v b="$loaded" 'BEGIN{printf "%.1f", b-a}') s after the service answered"
for mode in car foot; do
  curl -fs -o /dev/null -w "first coverage in minutes by $mode (travel times of the snapshot): %{time_total} s\n" \
    "http://127.0.0.1:$port/api/coverage?level=land&minutes=15&mode=$mode"
done
for within in 05966 05978; do # Kreis Olpe, Kreis Unna: planning in minutes within a Kreis (issue 34: under 2 s)
  curl -fs -o /dev/null -w "planning 5 sites within $within in 15 minutes by car: %{time_total} s\n" \
    "http://127.0.0.1:$port/api/planning/suggestions?within=$within&minutes=15&mode=car&count=5"
done
warm
echo "resident memory: $plain MB without the network, $(rss) MB with it (added $(( $(rss) - plain )) MB)"
curl -fs "http://127.0.0.1:$port/api/managers/nearby?lat=51.5&lon=7.5&limit=10" | grep -o '"travelMinutes":{[^}]*}' | head -2
round "nearby with minutes" with
echo "ratio with/without minutes (means of the rounds): $(awk 'NR==FNR{a+=$1;n++;next}{b+=$1;m++}END{printf "%.2f", (b/m)/(a/n)}' "$work/without" "$work/with")"
echo "resident memory after the run: $(rss) MB"
